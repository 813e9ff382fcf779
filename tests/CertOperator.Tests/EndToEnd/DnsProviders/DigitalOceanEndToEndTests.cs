using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.DnsFakes.DigitalOcean;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>`dns01.digitalocean` end to end through the DigitalOcean fake, bind9 and pebble.</summary>
public sealed class DigitalOceanEndToEndTests(DigitalOceanEndToEndTests.Environment env) : IClassFixture<DigitalOceanEndToEndTests.Environment>
{
    private const string Token = "dop_v1_e2e_5a4b3c2d1e";

    [Fact]
    public async Task A_wildcard_certificate_becomes_ready_and_only_our_values_are_removed()
    {
        await env.Zone.AddAsync("_acme-challenge.do.example.test", "someone-elses-value", 60, CancellationToken.None);
        env.Fake.Seed("example.test", "TXT", "_acme-challenge.do", "someone-elses-value");
        await SetUpAsync("do-ok", Token);

        using var secret = await env.IssueWildcardAsync("wild", "do-ok", "digitalocean", "do.example.test");

        secret.DnsNames.Should().BeEquivalentTo("do.example.test", "*.do.example.test");
        await env.Cluster.EventuallyAsync(() => env.Zone.ValuesAsync("_acme-challenge.do.example.test", CancellationToken.None),
            v => v.Count == 1, TimeSpan.FromSeconds(30), "our two values to be cleaned up from bind");
        (await env.Zone.ValuesAsync("_acme-challenge.do.example.test", CancellationToken.None)).Should().Equal("someone-elses-value");
        env.Fake.TxtValues("_acme-challenge.do.example.test").Should().Equal("someone-elses-value");
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, Token);
    }

    [Fact]
    public async Task A_wrong_token_shows_digitaloceans_refusal_on_the_challenge_and_the_certificate()
    {
        await SetUpAsync("do-wrong", "dop_v1_revoked_0000");

        await env.ApplyWildcardAsync("wild", "do-wrong", "digitalocean", "wrong.example.test");

        (await env.WaitForChallengeReasonAsync("do-wrong", "Unable to authenticate you")).Should()
            .Contain("DigitalOcean API GET /v2/domains/example.test/records answered 401 Unauthorized: unauthorized: Unable to authenticate you");
        await env.Cluster.EventuallyAsync(() => env.ReadyMessageAsync("wild", "do-wrong"), m => m.Contains("Unable to authenticate you", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the Certificate's Ready message to carry DigitalOcean's refusal");
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, "dop_v1_revoked_0000", Token);
    }

    [Fact]
    public async Task A_rate_limit_is_shown_then_retried_after_ratelimit_reset()
    {
        await SetUpAsync("do-limited", Token);
        env.Fake.RateLimit.RefuseNext(4, TimeSpan.FromSeconds(10), pathContains: "limited.example.test");

        await env.ApplyWildcardAsync("wild", "do-limited", "digitalocean", "limited.example.test");

        (await env.WaitForChallengeReasonAsync("do-limited", "429")).Should().Contain("too_many_requests: API Rate limit exceeded.");
        await env.Cluster.WaitForConditionAsync("certificate", "wild", "do-limited", timeoutSeconds: 120);
    }

    private async Task SetUpAsync(string ns, string token)
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace(ns));
        await env.Cluster.ApplyAsync(Manifests.Secret("digitalocean", ns, "Opaque", new Dictionary<string, string> { ["access-token"] = token }));
        await env.ApplyIssuerAsync("digitalocean", ns, """
            digitalocean:
              tokenSecretRef:
                name: digitalocean
                key: access-token
            """);
    }

    public sealed class Environment : DnsProviderEnvironment
    {
        public DigitalOceanFake Fake { get; private set; } = null!;

        protected override async Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct)
        {
            Fake = await new DigitalOceanFake(Token, TxtMirror.Into(zone)).StartAsync(ct);
            Fake.AddDomain(zone.Zone);
            return [$"digitalocean={Fake.BaseAddress}"];
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
