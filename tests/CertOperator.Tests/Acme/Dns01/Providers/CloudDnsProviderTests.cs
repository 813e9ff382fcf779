using System.Security.Cryptography;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.CloudDns;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Tests.Acme.Dns01.Providers.Fakes;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The cloudDNS provider against a fake Google token endpoint, metadata server and Cloud DNS API.</summary>
public sealed class CloudDnsProviderTests(ProviderCluster cluster) : IClassFixture<ProviderCluster>, IAsyncLifetime
{
    private const string Fqdn = "_acme-challenge.www.example.com.";
    private CloudDnsFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await CloudDnsFake.StartAsync();
        _fake.AddZone("example-com", "example.com");
        await cluster.SecretAsync("gcp", ("key.json", _fake.KeyJson()));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Present_merges_our_value_into_the_record_set_once_and_cleanup_removes_only_ours()
    {
        await _fake.SeedAsync("example-com", Fqdn, "someone-else");

        await Provider().PresentAsync(Record(), CancellationToken.None);
        await Provider().PresentAsync(Record(), CancellationToken.None);
        _fake.Txt.Get(Fqdn).Should().Equal("someone-else", "value-1");
        await Provider().CleanUpAsync(Record(), CancellationToken.None);
        await Provider().CleanUpAsync(Record(), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("someone-else");
        _fake.Requests.Count(r => r.StartsWith("POST /dns/v1/projects/dns-project/managedZones/example-com/changes", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task The_public_zone_is_chosen_across_pages_of_managed_zones()
    {
        _fake.AddZone("example-net-private", "example.net", "private");
        _fake.AddZone("example-net", "example.net");
        _fake.PageSize = 1;

        await Provider().PresentAsync(Record("_acme-challenge.example.net.", "v"), CancellationToken.None);

        _fake.Txt.Get("_acme-challenge.example.net.").Should().Equal("v");
        _fake.Requests.Should().Contain(r => r.Contains("pageToken=1", StringComparison.Ordinal))
            .And.Contain(r => r.StartsWith("POST /dns/v1/projects/dns-project/managedZones/example-net/changes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_the_token_endpoint_does_not_know_is_refused_and_never_quoted()
    {
        using var other = RSA.Create(2048);
        await cluster.SecretAsync("gcp-wrong", ("key.json", _fake.KeyJson(other)));
        var config = Config();
        config.CloudDns!.ServiceAccountSecretRef = ProviderCluster.Ref("gcp-wrong", "key.json");

        var present = () => Provider().PresentAsync(Record(config: config), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Be("clouddns token exchange for dns01@dns-project.iam.gserviceaccount.com refused: 400 invalid_grant Invalid JWT Signature.");
        error.ToString().Should().NotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task Zone_not_found_and_quota_errors_are_reported()
    {
        var missing = () => Provider().PresentAsync(Record("_acme-challenge.example.org.", "v"), CancellationToken.None);
        (await missing.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Contain("no managed zone in the project encloses _acme-challenge.example.org.");

        _fake.ThrottleNext = 1;
        var throttled = () => Provider().PresentAsync(Record(), CancellationToken.None);
        var error = (await throttled.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("429 RESOURCE_EXHAUSTED");
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Ambient_credentials_come_from_the_metadata_server_only_when_allowed()
    {
        var ambient = new AcmeChallengeSolverDns01 { CloudDns = new CloudDnsProvider { Project = "dns-project", HostedZoneName = "example-com" } };

        await Provider().PresentAsync(ProviderCluster.Record(ambient, Fqdn, "value-1", ambient: true), CancellationToken.None);
        var denied = () => Provider().PresentAsync(ProviderCluster.Record(ambient, Fqdn, "value-1", ambient: false), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("value-1");
        _fake.Requests.Should().Contain("GET /computeMetadata/v1/instance/service-accounts/default/token -> 200");
        await denied.Should().ThrowAsync<SolverConfigurationException>();
    }

    private GoogleCloudDnsProvider Provider() => new(cluster.Client, new OperatorOptions
    {
        ClusterResourceNamespace = "cert-manager",
        Dns01ProviderEndpoints = new Dictionary<string, Uri> { ["cloudDNS"] = _fake.BaseUri, ["clouddns-metadata"] = _fake.BaseUri },
    }, TimeProvider.System) { Environment = _ => null };

    private static AcmeChallengeSolverDns01 Config() => new()
    {
        CloudDns = new CloudDnsProvider { Project = "dns-project", ServiceAccountSecretRef = ProviderCluster.Ref("gcp", "key.json") },
    };

    private static DnsChallengeRecord Record(string fqdn = Fqdn, string value = "value-1", AcmeChallengeSolverDns01? config = null) =>
        ProviderCluster.Record(config ?? Config(), fqdn, value);
}
