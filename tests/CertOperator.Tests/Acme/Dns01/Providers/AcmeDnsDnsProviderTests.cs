using System.Text.Json.Nodes;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.AcmeDns;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;
using CertOperator.Testing.DnsFakes.AcmeDns;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The acme-dns provider against a fake acme-dns `/update` that checks the account and keeps the two latest values.</summary>
public sealed class AcmeDnsDnsProviderTests(DnsApiCluster cluster) : IClassFixture<DnsApiCluster>, IAsyncLifetime
{
    private const string Value = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private AcmeDnsFake _fake = null!;
    private JsonObject _account = null!;

    public async Task InitializeAsync()
    {
        _fake = await new AcmeDnsFake("auth.acme-dns.test").StartAsync();
        _account = _fake.Register();
        await cluster.SecretAsync("acme-dns", "acmedns.json", new JsonObject { ["example.com"] = _account.DeepClone() }.ToJsonString());
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Present_updates_the_domains_account_and_cleanup_leaves_it_to_acme_dns()
    {
        var record = DnsApiCluster.Record(Config(), key: Value);
        var provider = Provider();

        await provider.PresentAsync(record, CancellationToken.None);
        await provider.PresentAsync(record, CancellationToken.None);
        await provider.CleanUpAsync(record, CancellationToken.None);

        _fake.TxtValues((string)_account["subdomain"]!).Should().Equal(Value, Value);
        _fake.Requests.Should().Equal("POST /update", "POST /update");
    }

    [Fact]
    public async Task A_wrong_password_is_forbidden_and_never_shown()
    {
        var wrong = (JsonObject)_account.DeepClone();
        wrong["password"] = "not-the-password-3b2a";
        await cluster.SecretAsync("acme-dns", "acmedns.json", new JsonObject { ["example.com"] = wrong }.ToJsonString());

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config(), key: Value), CancellationToken.None);

        var error = (await present.Should().ThrowAsync<DnsProviderException>()).Which;
        error.Message.Should().Contain("401").And.Contain("forbidden").And.NotContain("not-the-password-3b2a");
        cluster.Logs.Lines.Should().NotContain(l => l.Contains("not-the-password-3b2a", StringComparison.Ordinal) || l.Contains((string)_account["password"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_domain_without_an_account_is_named()
    {
        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config(), dnsName: "other.test", key: Value), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Be("solver dns01.acmeDNS.accountSecretRef: Secret \"team-a/acme-dns\" has no acme-dns account for domain \"other.test\"; register one and add it under that key");
    }

    [Fact]
    public async Task A_secret_that_is_not_json_does_not_echo_its_content()
    {
        await cluster.SecretAsync("acme-dns", "acmedns.json", "password=hunter2-secret");

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config(), key: Value), CancellationToken.None);

        (await present.Should().ThrowAsync<SolverConfigurationException>()).Which.Message.Should().NotContain("hunter2");
    }

    [Fact]
    public async Task A_bad_txt_value_shows_acme_dns_error()
    {
        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config(), key: "too-short"), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Contain("400").And.Contain("bad_txt");
    }

    private AcmeChallengeSolverDns01 Config() =>
        new() { AcmeDns = new AcmeDnsProvider { Host = _fake.BaseAddress.AbsoluteUri, AccountSecretRef = new SecretKeySelector { Name = "acme-dns", Key = "acmedns.json" } } };

    private AcmeDnsDnsProvider Provider() => new(cluster.Client, TimeProvider.System, cluster.Logs.For<AcmeDnsDnsProvider>());
}
