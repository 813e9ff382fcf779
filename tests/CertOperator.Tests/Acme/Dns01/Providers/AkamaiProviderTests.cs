using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.Akamai;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Tests.Acme.Dns01.Providers.Fakes;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The akamai provider against an Edge DNS fake that verifies every EdgeGrid signature.</summary>
public sealed class AkamaiProviderTests(ProviderCluster cluster) : IClassFixture<ProviderCluster>, IAsyncLifetime
{
    private const string ClientSecret = "akamai-client-secret-never-logged=";
    private const string Fqdn = "_acme-challenge.www.example.com.";
    private AkamaiFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await AkamaiFake.StartAsync("akab-client-token", ClientSecret, "akab-access-token");
        _fake.AddZone("example.com");
        await cluster.SecretAsync("akamai", ("client-token", "akab-client-token"), ("client-secret", ClientSecret), ("access-token", "akab-access-token"));
        await cluster.SecretAsync("akamai-wrong", ("client-secret", "wrong-akamai-secret="));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Present_creates_the_record_set_in_the_enclosing_zone_and_is_idempotent()
    {
        await Provider().PresentAsync(Record(), CancellationToken.None);
        await Provider().PresentAsync(Record(), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("value-1");
        _fake.Received(ClientSecret).Should().BeFalse("EdgeGrid proves the secret without sending it");
        _fake.Requests.Should().Contain("GET /config-dns/v2/zones/www.example.com -> 404").And.Contain("POST /config-dns/v2/zones/example.com/names/_acme-challenge.www.example.com/types/TXT -> 201");
    }

    [Fact]
    public async Task Present_adds_to_and_cleanup_removes_only_our_value_from_an_existing_set()
    {
        await _fake.SeedAsync("example.com", Fqdn, "someone-else");

        await Provider().PresentAsync(Record(), CancellationToken.None);
        _fake.Txt.Get(Fqdn).Should().Equal("someone-else", "value-1");
        await Provider().CleanUpAsync(Record(), CancellationToken.None);
        _fake.Txt.Get(Fqdn).Should().Equal("someone-else");
        await Provider().CleanUpAsync(Record("_acme-challenge.www.example.com.", "someone-else"), CancellationToken.None);
        await Provider().CleanUpAsync(Record(), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().BeEmpty();
        _fake.Requests.Should().Contain(r => r.StartsWith("DELETE ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_by_the_signature_check_and_never_quoted()
    {
        var config = Config();
        config.Akamai!.ClientSecretSecretRef = ProviderCluster.Ref("akamai-wrong", "client-secret");

        var present = () => Provider().PresentAsync(Record(config: config), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("401 Not authorized: The signature does not match");
        error.ToString().Should().NotContain("wrong-akamai-secret");
    }

    [Fact]
    public async Task Zone_not_found_and_rate_limits_are_reported()
    {
        var missing = () => Provider().PresentAsync(Record("_acme-challenge.example.net.", "v"), CancellationToken.None);
        (await missing.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Be("akamai: no Edge DNS zone encloses _acme-challenge.example.net.; the API client's zones must include it");

        _fake.ThrottleNext = 1;
        var throttled = () => Provider().PresentAsync(Record(), CancellationToken.None);
        (await throttled.Should().ThrowAsync<DnsProviderException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_missing_credential_Secret_names_the_field()
    {
        var config = Config();
        config.Akamai!.AccessTokenSecretRef = ProviderCluster.Ref("absent", "access-token");

        var present = () => Provider().PresentAsync(Record(config: config), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Be("solver dns01.akamai.accessTokenSecretRef: Secret \"dns/absent\" not found");
    }

    private AkamaiEdgeDnsProvider Provider() => new(cluster.Client, new OperatorOptions
    {
        ClusterResourceNamespace = "cert-manager",
        Dns01ProviderEndpoints = new Dictionary<string, Uri> { ["akamai"] = _fake.BaseUri },
    }, TimeProvider.System);

    private static AcmeChallengeSolverDns01 Config() => new()
    {
        Akamai = new AkamaiProvider
        {
            ServiceConsumerDomain = "akab-test.luna.akamaiapis.net",
            ClientTokenSecretRef = ProviderCluster.Ref("akamai", "client-token"),
            ClientSecretSecretRef = ProviderCluster.Ref("akamai", "client-secret"),
            AccessTokenSecretRef = ProviderCluster.Ref("akamai", "access-token"),
        },
    };

    private static DnsChallengeRecord Record(string fqdn = Fqdn, string value = "value-1", AcmeChallengeSolverDns01? config = null) =>
        ProviderCluster.Record(config ?? Config(), fqdn, value);
}
