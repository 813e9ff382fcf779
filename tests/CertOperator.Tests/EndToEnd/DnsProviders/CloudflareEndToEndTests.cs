using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.DnsFakes.Cloudflare;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>`dns01.cloudflare` end to end: the operator drives the Cloudflare fake, which writes into bind9, which pebble checks.</summary>
public sealed class CloudflareEndToEndTests(CloudflareEndToEndTests.Environment env) : IClassFixture<CloudflareEndToEndTests.Environment>
{
    private const string Token = "cf-e2e-token-7d1c0b9a";
    private const string GlobalKey = "cf-e2e-global-key-2e4f";

    [Fact]
    public async Task A_wildcard_certificate_becomes_ready_with_an_api_token()
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace("cf-token"));
        await env.Cluster.ApplyAsync(Manifests.Secret("cloudflare", "cf-token", "Opaque", new Dictionary<string, string> { ["api-token"] = Token }));
        await env.ApplyIssuerAsync("cloudflare", "cf-token", """
            cloudflare:
              apiTokenSecretRef:
                name: cloudflare
                key: api-token
            """);

        using var secret = await env.IssueWildcardAsync("wild", "cf-token", "cloudflare", "cf.example.test");

        secret.DnsNames.Should().BeEquivalentTo("cf.example.test", "*.cf.example.test");
        await env.Cluster.EventuallyAsync(() => env.Zone.ValuesAsync("_acme-challenge.cf.example.test", CancellationToken.None), v => v.Count == 0,
            TimeSpan.FromSeconds(30), "both challenge values to be cleaned up from bind");
        env.Fake.TxtValues("_acme-challenge.cf.example.test").Should().BeEmpty();
        env.Fake.Log.Where(r => r.Method == "POST").Should().HaveCount(2).And.OnlyContain(r => r.Headers["Authorization"] == $"Bearer {Token}");
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, Token);
    }

    [Fact]
    public async Task A_wildcard_certificate_becomes_ready_with_a_global_key_and_email()
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace("cf-key"));
        await env.Cluster.ApplyAsync(Manifests.Secret("cloudflare", "cf-key", "Opaque", new Dictionary<string, string> { ["api-key"] = GlobalKey }));
        await env.ApplyIssuerAsync("cloudflare", "cf-key", """
            cloudflare:
              email: ops@example.test
              apiKeySecretRef:
                name: cloudflare
                key: api-key
            """);

        using var secret = await env.IssueWildcardAsync("wild", "cf-key", "cloudflare", "cfkey.example.test");

        secret.DnsNames.Should().BeEquivalentTo("cfkey.example.test", "*.cfkey.example.test");
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, GlobalKey);
    }

    [Fact]
    public async Task A_wrong_token_shows_cloudflares_refusal_on_the_challenge_and_the_certificate()
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace("cf-wrong"));
        await env.Cluster.ApplyAsync(Manifests.Secret("cloudflare", "cf-wrong", "Opaque", new Dictionary<string, string> { ["api-token"] = "cf-revoked-token-99" }));
        await env.ApplyIssuerAsync("cloudflare", "cf-wrong", """
            cloudflare:
              apiTokenSecretRef:
                name: cloudflare
                key: api-token
            """);

        await env.ApplyWildcardAsync("wild", "cf-wrong", "cloudflare", "wrong.example.test");

        var reason = await env.WaitForChallengeReasonAsync("cf-wrong", "Authentication error");
        reason.Should().Contain("Cloudflare API GET /zones answered 403 Forbidden: 10000: Authentication error");
        await env.Cluster.EventuallyAsync(() => env.ReadyMessageAsync("wild", "cf-wrong"), m => m.Contains("10000: Authentication error", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the Certificate's Ready message to carry Cloudflare's refusal");
        await CredentialLeaks.AssertAbsentAsync(env.Cluster, "cf-revoked-token-99", Token);
    }

    [Fact]
    public async Task A_domain_outside_the_accounts_zones_is_reported()
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace("cf-nozone"));
        await env.Cluster.ApplyAsync(Manifests.Secret("cloudflare", "cf-nozone", "Opaque", new Dictionary<string, string> { ["api-token"] = Token }));
        await env.ApplyIssuerAsync("cloudflare", "cf-nozone", """
            cloudflare:
              apiTokenSecretRef:
                name: cloudflare
                key: api-token
            """);

        await env.ApplyWildcardAsync("wild", "cf-nozone", "cloudflare", "elsewhere.test");

        (await env.WaitForChallengeReasonAsync("cf-nozone", "has no zone")).Should()
            .Contain("Cloudflare has no zone containing _acme-challenge.elsewhere.test. in this account");
    }

    [Fact]
    public async Task A_rate_limit_is_shown_then_retried_after_the_wait_cloudflare_asked_for()
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace("cf-limited"));
        await env.Cluster.ApplyAsync(Manifests.Secret("cloudflare", "cf-limited", "Opaque", new Dictionary<string, string> { ["api-token"] = Token }));
        await env.ApplyIssuerAsync("cloudflare", "cf-limited", """
            cloudflare:
              apiTokenSecretRef:
                name: cloudflare
                key: api-token
            """);
        env.Fake.RateLimit.RefuseNext(4, TimeSpan.FromSeconds(10), pathContains: "limited.example.test");

        await env.ApplyWildcardAsync("wild", "cf-limited", "cloudflare", "limited.example.test");

        (await env.WaitForChallengeReasonAsync("cf-limited", "429")).Should().Contain("971: Please wait and consider throttling your request speed");
        await Task.Delay(TimeSpan.FromSeconds(5));
        env.Fake.Log.Count(r => r.Status == 429).Should().BeLessThanOrEqualTo(2,
            "each of the two challenges is refused once, then waits the 10 s Retry-After (its own status write must not bring the retry forward)");
        await env.Cluster.WaitForConditionAsync("certificate", "wild", "cf-limited", timeoutSeconds: 120);
    }

    public sealed class Environment : DnsProviderEnvironment
    {
        public CloudflareFake Fake { get; private set; } = null!;

        protected override async Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct)
        {
            Fake = await new CloudflareFake(TxtMirror.Into(zone)) { ApiToken = Token, ApiKey = GlobalKey, Email = "ops@example.test" }.StartAsync(ct);
            Fake.AddZone(zone.Zone);
            return [$"cloudflare={Fake.BaseAddress}"];
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
