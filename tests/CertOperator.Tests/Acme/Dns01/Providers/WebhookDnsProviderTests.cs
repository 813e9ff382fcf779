using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers.Webhook;
using CertOperator.Crds.Acme;
using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.DnsFakes.Webhook;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>
/// The webhook provider through the test API server's aggregator proxy to our test solver: the ChallengePayload as
/// cert-manager sends it, the solver's answers, and what an unserved group or an unreachable solver looks like.
/// </summary>
public sealed class WebhookDnsProviderTests(DnsApiCluster cluster) : IClassFixture<DnsApiCluster>, IAsyncLifetime
{
    private const string Group = "acme.test-solver.example";
    private readonly List<string> _mirrored = [];
    private TestWebhookSolver _solver = null!;

    public async Task InitializeAsync()
    {
        var mirror = new TxtMirror(
            (fqdn, value, _) => Add($"+{fqdn} {value}"),
            (fqdn, value, _) => Add($"-{fqdn} {value}"));
        _solver = await new TestWebhookSolver(Group, "bind", ["example.com"], mirror, serviceNamespace: DnsApiCluster.Ns).StartAsync();
        await ApplyAsync(_solver.Manifests());
    }

    public async Task DisposeAsync() => await _solver.DisposeAsync();

    [Fact]
    public async Task Present_and_cleanup_send_cert_managers_challenge_payload_through_the_api_server()
    {
        var record = DnsApiCluster.Record(Config("bind", """{"zoneHint": "example.com", "nested": {"n": 1}}"""));
        var provider = Provider();

        await provider.PresentAsync(record, CancellationToken.None);
        await provider.CleanUpAsync(record, CancellationToken.None);

        _mirrored.Should().Equal($"+_acme-challenge.example.com. {record.Value}", $"-_acme-challenge.example.com. {record.Value}");
        var present = _solver.Received[0];
        ((string?)present["action"]).Should().Be("Present");
        ((string?)_solver.Received[1]["action"]).Should().Be("CleanUp");
        ((string?)present["type"]).Should().Be("dns-01");
        ((string?)present["dnsName"]).Should().Be("example.com");
        ((string?)present["key"]).Should().Be(record.Value);
        ((string?)present["resourceNamespace"]).Should().Be(DnsApiCluster.Ns);
        ((string?)present["resolvedFQDN"]).Should().Be("_acme-challenge.example.com.");
        ((string?)present["resolvedZone"]).Should().Be("example.com.");
        ((bool?)present["allowAmbientCredentials"]).Should().BeFalse();
        present["config"]!.ToJsonString().Should().Be("""{"zoneHint":"example.com","nested":{"n":1}}""");
        Guid.TryParse((string?)present["uid"], out _).Should().BeTrue();
        ((string?)_solver.Received[1]["uid"]).Should().NotBe((string?)present["uid"]);
    }

    [Fact]
    public async Task A_solver_that_does_not_succeed_shows_its_message()
    {
        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config("bind", "{}"), dnsName: "other.test"), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Be($"webhook solver {Group}/bind: Present failed: test solver bind: zone \"other.test.\" (for _acme-challenge.other.test.) is not one this solver serves");
    }

    [Fact]
    public async Task A_solver_name_the_webhook_does_not_serve_is_not_found()
    {
        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config("nonexistent", "{}")), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .StartWith($"webhook solver {Group}/nonexistent: the API server does not serve it");
    }

    [Fact]
    public async Task A_group_without_an_apiservice_is_not_found()
    {
        var config = new AcmeChallengeSolverDns01 { Webhook = new WebhookProvider { GroupName = "acme.not-installed.example", SolverName = "x" } };

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(config), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should()
            .Contain("is the webhook installed, with an APIService v1alpha1.acme.not-installed.example");
    }

    [Fact]
    public async Task An_unreachable_solver_is_service_unavailable()
    {
        using var http = cluster.Server.CreateHttpClient();
        (await http.DeleteAsync($"api/v1/namespaces/{DnsApiCluster.Ns}/services/{_solver.ServiceName}")).EnsureSuccessStatusCode();

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config("bind", "{}")), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Contain("503").And.Contain("service unavailable");
    }

    [Fact]
    public async Task A_solver_whose_certificate_the_ca_bundle_does_not_sign_is_not_reached()
    {
        await using var impostor = new TestWebhookSolver(Group, "bind", ["example.com"], serviceNamespace: DnsApiCluster.Ns);
        var foreign = CaBundleLine(impostor.Manifests());
        await ApplyAsync(_solver.Manifests().Replace(CaBundleLine(_solver.Manifests()), foreign, StringComparison.Ordinal));

        var present = () => Provider().PresentAsync(DnsApiCluster.Record(Config("bind", "{}")), CancellationToken.None);

        (await present.Should().ThrowAsync<DnsProviderException>()).Which.Message.Should().Contain("503").And.Contain("Error trying to reach service");
        _solver.Received.Should().BeEmpty();
    }

    private static string CaBundleLine(string manifests) =>
        manifests.Split('\n').Single(l => l.TrimStart().StartsWith("caBundle:", StringComparison.Ordinal));

    private static AcmeChallengeSolverDns01 Config(string solver, string config) => new()
    {
        Webhook = new WebhookProvider { GroupName = Group, SolverName = solver, Config = JsonDocument.Parse(config).RootElement.Clone() },
    };

    private WebhookDnsProvider Provider() => new(cluster.Client, new DnsApiCluster.FixedZones(), cluster.Logs.For<WebhookDnsProvider>());

    private Task Add(string line)
    {
        lock (_mirrored)
        {
            _mirrored.Add(line);
        }

        return Task.CompletedTask;
    }

    private async Task ApplyAsync(string yaml)
    {
        using var http = cluster.Server.CreateHttpClient();
        foreach (var doc in yaml.Split("\n---\n"))
        {
            var path = doc.Contains("kind: APIService", StringComparison.Ordinal)
                ? "apis/apiregistration.k8s.io/v1/apiservices"
                : $"api/v1/namespaces/{DnsApiCluster.Ns}/services";
            var name = doc.Contains("kind: APIService", StringComparison.Ordinal) ? $"v1alpha1.{Group}" : _solver.ServiceName;
            await http.DeleteAsync($"{path}/{name}");
            using var content = new StringContent(doc, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            (await http.PostAsync(path, content)).EnsureSuccessStatusCode();
        }
    }
}
