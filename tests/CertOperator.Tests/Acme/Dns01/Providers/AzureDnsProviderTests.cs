using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.AzureDns;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Tests.Acme.Dns01.Providers.Fakes;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The azureDNS provider against a fake Entra token endpoint, IMDS and Azure DNS Resource Manager API.</summary>
public sealed class AzureDnsProviderTests(ProviderCluster cluster) : IClassFixture<ProviderCluster>, IAsyncLifetime
{
    private const string ClientSecret = "azure-client-secret-never-logged";
    private const string Fqdn = "_acme-challenge.www.example.com.";
    private AzureDnsFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await AzureDnsFake.StartAsync(ClientSecret);
        _fake.AddZone("example.com");
        await cluster.SecretAsync("azure", ("client-secret", ClientSecret));
        await cluster.SecretAsync("azure-wrong", ("client-secret", "wrong-azure-secret"));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Present_adds_our_value_once_and_cleanup_removes_only_ours_under_the_record_sets_etag()
    {
        await _fake.SeedAsync("example.com", "_acme-challenge.www", "someone-else");

        await Provider().PresentAsync(Record(), CancellationToken.None);
        await Provider().PresentAsync(Record(), CancellationToken.None);
        _fake.Txt.Get(Fqdn).Should().Equal("someone-else", "value-1");
        await Provider().CleanUpAsync(Record(), CancellationToken.None);
        _fake.Txt.Get(Fqdn).Should().Equal("someone-else");
        await Provider().CleanUpAsync(Record(value: "someone-else"), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().BeEmpty();
        _fake.Requests.Should().Contain(r => r.StartsWith("GET /subscriptions/sub-1/resourceGroups/dns-rg/providers/Microsoft.Network/dnsZones/www.example.com?", StringComparison.Ordinal) && r.EndsWith("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_zone_is_written_through_privateDnsZones()
    {
        _fake.AddZone("internal.example", privateZone: true);
        var config = Config();
        config.AzureDns!.ZoneType = "AzurePrivateZone";
        config.AzureDns.HostedZoneName = "internal.example";

        await Provider().PresentAsync(Record("_acme-challenge.internal.example.", config: config), CancellationToken.None);

        _fake.Txt.Get("_acme-challenge.internal.example.").Should().Equal("value-1");
        _fake.Requests.Should().Contain(r => r.StartsWith("PUT /subscriptions/sub-1/resourceGroups/dns-rg/providers/Microsoft.Network/privateDnsZones/internal.example/TXT/_acme-challenge?api-version=2018-09-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_by_the_token_endpoint_and_never_quoted()
    {
        var config = Config();
        config.AzureDns!.ClientSecretSecretRef = ProviderCluster.Ref("azure-wrong", "client-secret");

        var present = () => Provider().PresentAsync(Record(config: config), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Be("azuredns token for service principal client-1 refused: 401 invalid_client AADSTS7000215: Invalid client secret provided.");
        error.ToString().Should().NotContain("wrong-azure-secret");
    }

    [Fact]
    public async Task Zone_not_found_and_throttling_are_reported()
    {
        var missing = () => Provider().PresentAsync(Record("_acme-challenge.example.org."), CancellationToken.None);
        (await missing.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Be("azuredns: no DNS zone in resource group dns-rg encloses _acme-challenge.example.org.; create one or set hostedZoneName");

        _fake.ThrottleNext = 1;
        var throttled = () => Provider().PresentAsync(Record(), CancellationToken.None);
        var error = (await throttled.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("429 TooManyRequests");
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task Ambient_workload_identity_presents_the_federated_token_and_managed_identity_asks_IMDS()
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "federated-token");
        _fake.FederatedToken = "federated-token";
        var ambient = new AcmeChallengeSolverDns01 { AzureDns = new AzureDnsProvider { SubscriptionId = "sub-1", ResourceGroupName = "dns-rg", HostedZoneName = "example.com" } };
        try
        {
            await Provider(new() { ["AZURE_FEDERATED_TOKEN_FILE"] = tokenFile, ["AZURE_CLIENT_ID"] = "client-1", ["AZURE_TENANT_ID"] = "tenant-1" })
                .PresentAsync(ProviderCluster.Record(ambient, Fqdn, "value-1", ambient: true), CancellationToken.None);
            await Provider().PresentAsync(ProviderCluster.Record(ambient, Fqdn, "value-2", ambient: true), CancellationToken.None);
            var denied = () => Provider().PresentAsync(ProviderCluster.Record(ambient, Fqdn, "value-3", ambient: false), CancellationToken.None);

            _fake.Txt.Get(Fqdn).Should().Equal("value-1", "value-2");
            _fake.Requests.Should().Contain("POST /tenant-1/oauth2/v2.0/token -> 200").And.Contain(r => r.StartsWith("GET /metadata/identity/oauth2/token?", StringComparison.Ordinal));
            await denied.Should().ThrowAsync<SolverConfigurationException>();
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    private MicrosoftAzureDnsProvider Provider(Dictionary<string, string>? environment = null) => new(cluster.Client, new OperatorOptions
    {
        ClusterResourceNamespace = "cert-manager",
        Dns01ProviderEndpoints = new Dictionary<string, Uri> { ["azureDNS"] = _fake.BaseUri, ["azuredns-login"] = _fake.BaseUri, ["azuredns-imds"] = _fake.BaseUri },
    }, TimeProvider.System) { Environment = name => environment?.GetValueOrDefault(name) };

    private static AcmeChallengeSolverDns01 Config() => new()
    {
        AzureDns = new AzureDnsProvider
        {
            ClientId = "client-1",
            TenantId = "tenant-1",
            ClientSecretSecretRef = ProviderCluster.Ref("azure", "client-secret"),
            SubscriptionId = "sub-1",
            ResourceGroupName = "dns-rg",
        },
    };

    private static DnsChallengeRecord Record(string fqdn = Fqdn, string value = "value-1", AcmeChallengeSolverDns01? config = null) =>
        ProviderCluster.Record(config ?? Config(), fqdn, value);
}
