using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.Cloudflare;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;
using CertOperator.Testing.DnsFakes.Cloudflare;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The Cloudflare provider against a fake of Cloudflare's v4 API that checks credentials, pages and rate-limits.</summary>
public sealed class CloudflareDnsProviderTests(DnsApiCluster cluster) : IClassFixture<DnsApiCluster>, IAsyncLifetime
{
    private const string Token = "cf-token-4f1e9c2d7b";
    private const string GlobalKey = "cf-global-key-8a7b6c";
    private const string Name = "_acme-challenge.example.com";
    private CloudflareFake _fake = null!;
    private string _zoneId = "";

    public async Task InitializeAsync()
    {
        _fake = await new CloudflareFake { ApiToken = Token, ApiKey = GlobalKey, Email = "ops@example.com" }.StartAsync();
        _zoneId = _fake.AddZone("example.com");
        await cluster.SecretAsync("cloudflare-token", "api-token", Token + "\n");
        await cluster.SecretAsync("cloudflare-key", "api-key", GlobalKey);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task An_api_token_presents_the_value_in_the_nearest_zone_with_cert_managers_ttl()
    {
        var record = DnsApiCluster.Record(TokenConfig());

        await Provider().PresentAsync(record, CancellationToken.None);

        _fake.TxtValues(Name).Should().Equal(record.Value);
        _fake.Requests.Should().ContainInOrder(
            $"GET /zones?name={Name}",
            "GET /zones?name=example.com",
            $"POST /zones/{_zoneId}/dns_records");
    }

    [Fact]
    public async Task A_global_key_with_its_email_is_accepted()
    {
        var record = DnsApiCluster.Record(new AcmeChallengeSolverDns01
        {
            Cloudflare = new CloudflareProvider { Email = "ops@example.com", ApiKeySecretRef = new SecretKeySelector { Name = "cloudflare-key", Key = "api-key" } },
        });

        await Provider().PresentAsync(record, CancellationToken.None);

        _fake.TxtValues(Name).Should().Equal(record.Value);
    }

    [Fact]
    public async Task Present_is_idempotent_and_cleanup_removes_only_our_value()
    {
        _fake.Seed("example.com", "TXT", Name, "a-sibling-challenge");
        var record = DnsApiCluster.Record(TokenConfig());
        var provider = Provider();

        await provider.PresentAsync(record, CancellationToken.None);
        await provider.PresentAsync(record, CancellationToken.None);
        _fake.TxtValues(Name).Should().BeEquivalentTo(["a-sibling-challenge", record.Value]);
        _fake.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)).Should().Be(1);

        await provider.CleanUpAsync(record, CancellationToken.None);
        await provider.CleanUpAsync(record, CancellationToken.None);
        _fake.TxtValues(Name).Should().Equal("a-sibling-challenge");
    }

    [Fact]
    public async Task Records_are_found_on_later_pages()
    {
        _fake.MaxPerPage = 2;
        foreach (var i in Enumerable.Range(0, 5))
        {
            _fake.Seed("example.com", "TXT", Name, $"other-{i}");
        }

        var record = DnsApiCluster.Record(TokenConfig());
        _fake.Seed("example.com", "TXT", Name, record.Value);
        var provider = Provider();

        await provider.PresentAsync(record, CancellationToken.None);
        _fake.Requests.Should().NotContain(r => r.StartsWith("POST", StringComparison.Ordinal));
        _fake.Requests.Should().Contain(r => r.Contains("page=3", StringComparison.Ordinal));

        await provider.CleanUpAsync(record, CancellationToken.None);
        _fake.TxtValues(Name).Should().HaveCount(5).And.NotContain(record.Value);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_cloudflares_error_and_the_token_is_never_shown()
    {
        await cluster.SecretAsync("cloudflare-token", "api-token", "a-wrong-token-5c3d");

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(TokenConfig()), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("403").And.Contain("10000: Authentication error").And.NotContain("a-wrong-token-5c3d");
        error.ToString().Should().NotContain("a-wrong-token-5c3d");
        cluster.Logs.Lines.Should().NotContain(l => l.Contains("a-wrong-token-5c3d", StringComparison.Ordinal) || l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_global_key_is_refused()
    {
        var record = DnsApiCluster.Record(new AcmeChallengeSolverDns01
        {
            Cloudflare = new CloudflareProvider { Email = "someone-else@example.com", ApiKeySecretRef = new SecretKeySelector { Name = "cloudflare-key", Key = "api-key" } },
        });

        var present = () => Provider().PresentAsync(record, CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Contain("9103: Unknown X-Auth-Key or X-Auth-Email").And.NotContain(GlobalKey);
    }

    [Fact]
    public async Task A_domain_without_a_zone_in_the_account_says_so()
    {
        var present = () => Provider().PresentAsync(DnsApiCluster.Record(TokenConfig(), dnsName: "elsewhere.test"), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Be("Cloudflare has no zone containing _acme-challenge.elsewhere.test. in this account: add the zone, or check that the API credentials may read it (Zone:Read)");
    }

    [Fact]
    public async Task A_rate_limit_carries_cloudflares_retry_after()
    {
        _fake.RateLimit.RefuseNext(1, TimeSpan.FromSeconds(7));

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(TokenConfig()), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        error.Message.Should().Contain("429").And.Contain("971: Please wait and consider throttling your request speed");
    }

    [Fact]
    public async Task A_missing_secret_is_retried_and_named()
    {
        var config = new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider { ApiTokenSecretRef = new SecretKeySelector { Name = "absent", Key = "api-token" } } };

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(config), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Be("solver dns01.cloudflare.apiTokenSecretRef: Secret \"team-a/absent\" not found; create it or fix the reference");
    }

    [Fact]
    public async Task A_key_without_email_is_a_configuration_error()
    {
        var config = new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider { ApiKeySecretRef = new SecretKeySelector { Name = "cloudflare-key", Key = "api-key" } } };

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(config), CancellationToken.None);

        await present.Should().ThrowAsync<SolverConfigurationException>().WithMessage("*email is required*");
    }

    private static AcmeChallengeSolverDns01 TokenConfig() =>
        new() { Cloudflare = new CloudflareProvider { ApiTokenSecretRef = new SecretKeySelector { Name = "cloudflare-token", Key = "api-token" } } };

    private CloudflareDnsProvider Provider() => new(
        cluster.Client,
        DnsApiCluster.Options("cloudflare", _fake.BaseAddress),
        TimeProvider.System,
        cluster.Logs.For<CloudflareDnsProvider>());
}
