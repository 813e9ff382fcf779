using System.Text.Json.Nodes;
using CertOperator.Testing.Bind;
using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.DnsFakes.AcmeDns;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>
/// `dns01.acmeDNS` end to end: `_acme-challenge.adns.example.test` is a CNAME to the account's fulldomain, the operator
/// updates the acme-dns fake with the account from the Secret, the fake serves the value there through bind9.
/// </summary>
public sealed class AcmeDnsEndToEndTests(AcmeDnsEndToEndTests.Environment env) : IClassFixture<AcmeDnsEndToEndTests.Environment>
{
    [Fact]
    public async Task A_wildcard_certificate_becomes_ready_through_the_delegated_account()
    {
        await SetUpAsync("adns-ok", env.Account);

        using var secret = await env.IssueWildcardAsync("wild", "adns-ok", "acme-dns", "adns.example.test");

        secret.DnsNames.Should().BeEquivalentTo("adns.example.test", "*.adns.example.test");
        env.Fake.TxtValues(Environment.Subdomain).Should().HaveCount(2, "acme-dns keeps the two latest values, one per challenge");
        env.Fake.Log.Should().OnlyContain(r => r.Headers["X-Api-User"] == (string)env.Account["username"]!);
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, (string)env.Account["password"]!);
    }

    [Fact]
    public async Task A_wrong_password_shows_acme_dns_refusal_on_the_challenge_and_the_certificate()
    {
        var wrong = (JsonObject)env.Account.DeepClone();
        wrong["password"] = "acme-dns-wrong-password-1f";
        await SetUpAsync("adns-wrong", wrong);

        await env.ApplyWildcardAsync("wild", "adns-wrong", "acme-dns", "adns.example.test");

        (await env.WaitForChallengeReasonAsync("adns-wrong", "forbidden")).Should().Contain("answered 401 Unauthorized: forbidden");
        await env.Cluster.EventuallyAsync(() => env.ReadyMessageAsync("wild", "adns-wrong"), m => m.Contains("forbidden", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the Certificate's Ready message to carry acme-dns's refusal");
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, "acme-dns-wrong-password-1f", (string)env.Account["password"]!);
    }

    [Fact]
    public async Task A_domain_without_an_account_in_the_secret_is_named()
    {
        await SetUpAsync("adns-none", env.Account);

        await env.ApplyWildcardAsync("wild", "adns-none", "acme-dns", "unregistered.example.test");

        (await env.WaitForChallengeReasonAsync("adns-none", "no acme-dns account")).Should()
            .Contain("Secret \"adns-none/acme-dns\" has no acme-dns account for domain \"unregistered.example.test\"");
    }

    private async Task SetUpAsync(string ns, JsonObject account)
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace(ns));
        await env.Cluster.ApplyAsync(Manifests.Secret("acme-dns", ns, "Opaque",
            new Dictionary<string, string> { ["acmedns.json"] = new JsonObject { ["adns.example.test"] = account.DeepClone() }.ToJsonString() }));
        await env.ApplyIssuerAsync("acme-dns", ns, $"""
            acmeDNS:
              host: {env.Fake.BaseAddress}
              accountSecretRef:
                name: acme-dns
                key: acmedns.json
            """);
    }

    public sealed class Environment : DnsProviderEnvironment
    {
        /// <summary>The account's subdomain; fixed so bind can start with the CNAME a user would have created.</summary>
        public const string Subdomain = "5a1d2c3b-0e9f-4a8b-b7c6-d5e4f3a2b1c0";

        public AcmeDnsFake Fake { get; private set; } = null!;

        public JsonObject Account { get; private set; } = null!;

        protected override BindOptions BindOptions => new() { Zone = "example.test", ExtraRecords = [$"_acme-challenge.adns IN CNAME {Subdomain}.auth"] };

        protected override async Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct)
        {
            Fake = await new AcmeDnsFake($"auth.{zone.Zone}", TxtMirror.Into(zone)).StartAsync(ct);
            Account = Fake.Register(Subdomain);
            return [];
        }

        protected override async ValueTask StopFakesAsync()
        {
            if (Fake is not null)
            {
                await Fake.DisposeAsync();
            }
        }
    }
}
