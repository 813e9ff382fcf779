using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.Route53;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Tests.Acme.Dns01.Providers.Fakes;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The route53 provider against a Route53/STS fake that checks every SigV4 signature.</summary>
public sealed class Route53ProviderTests(ProviderCluster cluster) : IClassFixture<ProviderCluster>, IAsyncLifetime
{
    private const string KeyId = "AKIDROUTE53TEST";
    private const string SecretKey = "route53-secret-key-never-logged";
    private const string Fqdn = "_acme-challenge.www.example.com.";
    private Route53Fake _fake = null!;
    private string _zone = null!;

    public async Task InitializeAsync()
    {
        _fake = await Route53Fake.StartAsync(KeyId, SecretKey);
        _zone = _fake.AddZone("example.com");
        await cluster.SecretAsync("aws", ("secret-access-key", SecretKey));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Present_upserts_our_value_once_however_often_it_runs()
    {
        var provider = Provider();

        await provider.PresentAsync(Record(), CancellationToken.None);
        await provider.PresentAsync(Record(), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("value-1");
        _fake.Requests.Should().Contain(r => r.StartsWith("GET /2013-04-01/change/", StringComparison.Ordinal), "present waits for INSYNC");
        _fake.Received(SecretKey).Should().BeFalse("SigV4 proves the key without sending it");
    }

    [Fact]
    public async Task Cleanup_removes_only_our_value_and_tolerates_it_being_gone()
    {
        await _fake.SeedAsync(_zone, Fqdn, "someone-else");
        var provider = Provider();
        await provider.PresentAsync(Record(), CancellationToken.None);
        _fake.Txt.Get(Fqdn).Should().BeEquivalentTo("someone-else", "value-1");

        await provider.CleanUpAsync(Record(), CancellationToken.None);
        await provider.CleanUpAsync(Record(), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("someone-else");
    }

    [Fact]
    public async Task The_closest_public_zone_is_found_across_pages_of_ListHostedZonesByName()
    {
        _fake.AddZone("example.net", privateZone: true);
        var net = _fake.AddZone("example.net");
        _fake.AddZone("www.example.net", privateZone: true);
        _fake.AddZone("example.org");
        var sub = _fake.AddZone("sub.www.example.net");
        _fake.PageSize = 1;

        await Provider().PresentAsync(Record("_acme-challenge.www.example.net.", "value-1"), CancellationToken.None);
        await Provider().PresentAsync(Record("_acme-challenge.sub.www.example.net.", "value-2"), CancellationToken.None);

        _fake.Txt.Get("_acme-challenge.www.example.net.").Should().Equal("value-1");
        _fake.Txt.Get("_acme-challenge.sub.www.example.net.").Should().Equal("value-2");
        _fake.Requests.Should().Contain(r => r.Contains($"dnsname=example.net.&hostedzoneid={net}", StringComparison.Ordinal), "the public zone is on the page after the private one");
        _fake.Requests.Should().Contain(r => r.Contains($"/hostedzone/{net}/rrset", StringComparison.Ordinal));
        _fake.Requests.Should().Contain(r => r.Contains($"/hostedzone/{sub}/rrset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostedZoneID_skips_the_lookup()
    {
        await Provider().PresentAsync(Record(config: Config(c => c.HostedZoneId = "/hostedzone/" + _zone)), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("value-1");
        _fake.Requests.Should().NotContain(r => r.Contains("hostedzonesbyname", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_by_the_signature_check_and_never_quoted()
    {
        await cluster.SecretAsync("aws-wrong", ("secret-access-key", "not-the-right-secret"));

        var present = () => Provider().PresentAsync(Record(config: Config(c => c.SecretAccessKeySecretRef = ProviderCluster.Ref("aws-wrong", "secret-access-key"))), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("403 SignatureDoesNotMatch").And.NotContain("not-the-right-secret");
        error.ToString().Should().NotContain("not-the-right-secret");
    }

    [Fact]
    public async Task An_unknown_access_key_reads_as_invalid_client_token()
    {
        var present = () => Provider().PresentAsync(Record(config: Config(c => c.AccessKeyId = "AKIDUNKNOWN")), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Contain("InvalidClientTokenId");
    }

    [Fact]
    public async Task A_name_outside_every_hosted_zone_says_so()
    {
        var present = () => Provider().PresentAsync(Record("_acme-challenge.example.net.", "v"), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Be("route53: no public hosted zone in this account encloses _acme-challenge.example.net.; create one or set hostedZoneID");
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 7)]
    public async Task Throttling_asks_for_a_retry_after_the_wait_AWS_gave_or_ten_seconds(bool with429, int seconds)
    {
        _fake.ThrottleNext = 1;
        _fake.ThrottleWith429 = with429;

        var present = () => Provider().PresentAsync(Record(), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("Throttling: Rate exceeded");
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task Role_is_assumed_with_the_static_keys_and_its_temporary_credentials_sign_the_calls()
    {
        _fake.Roles.Add("arn:aws:iam::1:role/dns");

        await Provider().PresentAsync(Record(config: Config(c => c.Role = "arn:aws:iam::1:role/dns")), CancellationToken.None);

        _fake.AssumedRoles.Should().Equal("AssumeRole arn:aws:iam::1:role/dns");
        _fake.Txt.Get(Fqdn).Should().Equal("value-1");
    }

    [Fact]
    public async Task A_role_the_caller_may_not_assume_is_reported()
    {
        var present = () => Provider().PresentAsync(Record(config: Config(c => c.Role = "arn:aws:iam::1:role/other")), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .StartWith("route53: assuming role arn:aws:iam::1:role/other failed: sts AssumeRole: 403 AccessDenied");
    }

    [Fact]
    public async Task Ambient_IRSA_exchanges_the_web_identity_token_file_when_ambient_credentials_are_allowed()
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "projected-sa-token\n");
        _fake.WebIdentityToken = "projected-sa-token";
        _fake.Roles.Add("arn:aws:iam::1:role/irsa");
        var env = new Dictionary<string, string> { ["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/irsa", ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile };
        var provider = Provider(env);

        try
        {
            await provider.PresentAsync(Record(config: new AcmeChallengeSolverDns01 { Route53 = new Route53Provider() }, ambient: true), CancellationToken.None);
            var denied = () => provider.PresentAsync(Record(config: new AcmeChallengeSolverDns01 { Route53 = new Route53Provider() }, ambient: false), CancellationToken.None);

            _fake.AssumedRoles.Should().Equal("AssumeRoleWithWebIdentity arn:aws:iam::1:role/irsa");
            _fake.Txt.Get(Fqdn).Should().Equal("value-1");
            (await denied.Should().ThrowAsync<SolverConfigurationException>()).Which.Message.Should().Contain("may not use ambient credentials");
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Ambient_keys_from_the_environment_sign_the_calls()
    {
        var provider = Provider(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = KeyId, ["AWS_SECRET_ACCESS_KEY"] = SecretKey });

        await provider.PresentAsync(Record(config: new AcmeChallengeSolverDns01 { Route53 = new Route53Provider() }, ambient: true), CancellationToken.None);

        _fake.Txt.Get(Fqdn).Should().Equal("value-1");
    }

    [Theory]
    [InlineData("key-only")]
    [InlineData("kubernetes-auth")]
    public async Task Configurations_it_cannot_use_are_configuration_errors(string which)
    {
        var config = which == "key-only"
            ? new Route53Provider { AccessKeyId = KeyId }
            : new Route53Provider { Role = "arn:aws:iam::1:role/dns", Auth = new Route53Auth { Kubernetes = new Route53KubernetesAuth { ServiceAccountRef = new ServiceAccountRef { Name = "sa" } } } };

        var present = () => Provider().PresentAsync(Record(config: new AcmeChallengeSolverDns01 { Route53 = config }), CancellationToken.None);

        await present.Should().ThrowAsync<SolverConfigurationException>();
    }

    private AmazonRoute53DnsProvider Provider(Dictionary<string, string>? environment = null) =>
        new(cluster.Client, Options(), TimeProvider.System) { Environment = name => environment?.GetValueOrDefault(name) };

    private OperatorOptions Options() => new()
    {
        ClusterResourceNamespace = "cert-manager",
        Dns01ProviderEndpoints = new Dictionary<string, Uri> { ["route53"] = _fake.BaseUri, ["route53-sts"] = _fake.StsUri },
    };

    private static AcmeChallengeSolverDns01 Config(Action<Route53Provider>? change = null)
    {
        var route53 = new Route53Provider { AccessKeyId = KeyId, SecretAccessKeySecretRef = ProviderCluster.Ref("aws", "secret-access-key") };
        change?.Invoke(route53);
        return new AcmeChallengeSolverDns01 { Route53 = route53 };
    }

    private static DnsChallengeRecord Record(string fqdn = Fqdn, string value = "value-1", AcmeChallengeSolverDns01? config = null, bool ambient = false) =>
        ProviderCluster.Record(config ?? Config(), fqdn, value, ambient);
}
