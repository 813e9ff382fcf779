using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.DigitalOcean;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;
using CertOperator.Testing.DnsFakes.DigitalOcean;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The DigitalOcean provider against a fake of the v2 domain records API.</summary>
public sealed class DigitalOceanDnsProviderTests(DnsApiCluster cluster) : IClassFixture<DnsApiCluster>, IAsyncLifetime
{
    private const string Token = "dop_v1_0d9e8f7a6b5c4d3e";
    private const string Name = "_acme-challenge.example.com";
    private DigitalOceanFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await new DigitalOceanFake(Token).StartAsync();
        _fake.AddDomain("example.com");
        await cluster.SecretAsync("digitalocean", "access-token", Token);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Present_adds_the_value_at_the_absolute_name_in_the_soa_zone()
    {
        var record = DnsApiCluster.Record(Config());

        await Provider().PresentAsync(record, CancellationToken.None);

        _fake.TxtValues(Name).Should().Equal(record.Value);
        _fake.Requests.Should().Equal(
            $"GET /v2/domains/example.com/records?type=TXT&name={Name}&page=1&per_page=200",
            "POST /v2/domains/example.com/records");
    }

    [Fact]
    public async Task Present_is_idempotent_and_cleanup_removes_only_our_value()
    {
        _fake.Seed("example.com", "TXT", "_acme-challenge", "a-sibling-challenge");
        var record = DnsApiCluster.Record(Config());
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
        var record = DnsApiCluster.Record(Config());
        foreach (var i in Enumerable.Range(0, 4))
        {
            _fake.Seed("example.com", "TXT", "_acme-challenge", $"other-{i}");
        }

        _fake.Seed("example.com", "TXT", "_acme-challenge", record.Value);
        var provider = Provider();

        await provider.PresentAsync(record, CancellationToken.None);
        _fake.Requests.Should().NotContain(r => r.StartsWith("POST", StringComparison.Ordinal)).And.Contain(r => r.Contains("page=3", StringComparison.Ordinal));

        await provider.CleanUpAsync(record, CancellationToken.None);
        _fake.TxtValues(Name).Should().HaveCount(4).And.NotContain(record.Value);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_never_shown()
    {
        await cluster.SecretAsync("digitalocean", "access-token", "dop_v1_wrong_77aa");

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config()), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("401").And.Contain("unauthorized: Unable to authenticate you").And.NotContain("dop_v1_wrong_77aa");
        error.ToString().Should().NotContain("dop_v1_wrong_77aa");
        cluster.Logs.Lines.Should().NotContain(l => l.Contains("dop_v1_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_domain_digitalocean_does_not_host_is_not_found()
    {
        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config(), dnsName: "elsewhere.test"), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Contain("GET /v2/domains/elsewhere.test/records answered 404").And.Contain("not_found").And.Contain("Networking > Domains");
    }

    [Fact]
    public async Task A_rate_limit_waits_until_ratelimit_reset()
    {
        _fake.RateLimit.RefuseNext(1, TimeSpan.FromSeconds(30));

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config()), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("429").And.Contain("too_many_requests: API Rate limit exceeded.");
        error.RetryAfter.Should().BeCloseTo(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3));
    }

    private static AcmeChallengeSolverDns01 Config() =>
        new() { DigitalOcean = new DigitalOceanProvider { TokenSecretRef = new SecretKeySelector { Name = "digitalocean", Key = "access-token" } } };

    private DigitalOceanDnsProvider Provider() => new(
        cluster.Client,
        new DnsApiCluster.FixedZones(),
        DnsApiCluster.Options("digitalocean", _fake.BaseAddress),
        TimeProvider.System,
        cluster.Logs.For<DigitalOceanDnsProvider>());
}
