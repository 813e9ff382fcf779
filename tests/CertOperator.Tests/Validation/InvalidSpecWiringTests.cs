using System.Diagnostics;
using System.Text;
using CertOperator.Crds.Acme;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using CertOperator.Tests.Hosting;
using k8s.Models;

namespace CertOperator.Tests.Validation;

/// <summary>
/// The operator's real controllers against the test API server: an invalid Issuer or CertificateRequest ends in a
/// condition and one Warning event naming the field, and a valid Issuer beside it is not affected.
/// </summary>
public sealed class InvalidSpecWiringTests : IAsyncLifetime
{
    private const string Ns = "wiring";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeClockCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClockCluster.StartAsync(_clock, "cert-manager");
        await _cluster.Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = Ns } });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_invalid_Issuer_is_not_Ready_with_InvalidConfig_and_one_event_while_a_valid_one_beside_it_is_Ready()
    {
        await _cluster.Client.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "plain-http", NamespaceProperty = Ns },
            Spec = new IssuerSpec { Acme = new AcmeIssuer { Server = "http://acme.example.com/directory", PrivateKeySecretRef = new SecretKeySelector { Name = "account" } } },
        });
        await _cluster.Client.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = "selfsigned", NamespaceProperty = Ns }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } });

        var bad = await ReadyOfAsync<Issuer>("plain-http", i => i.Status?.Conditions);
        var good = await ReadyOfAsync<Issuer>("selfsigned", i => i.Status?.Conditions);

        good.Status.Should().Be(Conditions.True);
        bad.Status.Should().Be(Conditions.False);
        bad.Reason.Should().Be("InvalidConfig");
        bad.Message.Should().Contain("spec.acme.server: \"http://acme.example.com/directory\" must use https");
        var events = await EventsAboutAsync("plain-http", "InvalidConfig");
        events.Should().ContainSingle().Which.Type.Should().Be("Warning");
        events[0].Count.GetValueOrDefault(1).Should().Be(1, "one event per change, not one per reconcile");
    }

    [Fact]
    public async Task A_CertificateRequest_with_an_unreadable_CSR_fails_for_good_naming_spec_request()
    {
        await _cluster.Client.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = "selfsigned", NamespaceProperty = Ns }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } });
        await ReadyOfAsync<Issuer>("selfsigned", i => i.Status?.Conditions);
        await _cluster.Client.CreateAsync(new CertificateRequest
        {
            Metadata = new V1ObjectMeta { Name = "garbage", NamespaceProperty = Ns },
            Spec = new CertificateRequestSpec
            {
                IssuerRef = new IssuerReference { Name = "selfsigned", Kind = "Issuer" },
                Request = Convert.ToBase64String(Encoding.ASCII.GetBytes("not a CSR")),
            },
        });

        var ready = await ReadyOfAsync<CertificateRequest>("garbage", r => r.Status?.Conditions, c => c.Reason != "Pending");
        var request = await _cluster.Client.GetAsync<CertificateRequest>(Ns, "garbage");

        ready.Status.Should().Be(Conditions.False);
        ready.Reason.Should().Be("Failed");
        ready.Message.Should().Contain("spec.request: the CSR is not a valid, correctly signed PEM CERTIFICATE REQUEST");
        request.Status!.FailureTime.Should().NotBeNull("an invalid request is a terminal failure");
        (await EventsAboutAsync("garbage", "Failed")).Should().ContainSingle(e => e.Type == "Warning" && e.Message!.Contains("spec.request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_Certificate_is_not_Ready_with_InvalidSpec_one_event_per_distinct_problem_and_nothing_requested()
    {
        await _cluster.Client.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = "selfsigned", NamespaceProperty = Ns }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } });
        await _cluster.Client.CreateAsync(Gen.Certificate("web", Ns, s => (s.IssuerRef.Name, s.DnsNames) = ("selfsigned", ["www.*.example.com"])));

        var first = await ReadyOfAsync<Certificate>("web", c => c.Status?.Conditions, c => c.Reason == "InvalidSpec");
        var certificate = await _cluster.Client.GetAsync<Certificate>(Ns, "web");
        certificate.Spec.DnsNames = ["a..example.com"];
        await _cluster.Client.ReplaceAsync(certificate);
        var second = await ReadyOfAsync<Certificate>("web", c => c.Status?.Conditions, c => c.Message!.Contains("a..example.com", StringComparison.Ordinal));

        first.Status.Should().Be(Conditions.False);
        first.Message.Should().Contain("spec.dnsNames[0]: \"www.*.example.com\": '*' is allowed only as the whole leftmost label");
        second.Message.Should().Contain("spec.dnsNames[0]: \"a..example.com\" has an empty label");
        var events = await EventsAboutAsync("web", "InvalidSpec");
        events.Should().HaveCount(2, "one event for each problem, none for resyncs")
            .And.OnlyContain(e => e.Type == "Warning" && e.Count.GetValueOrDefault(1) == 1);
        (await _cluster.Client.ListAsync<CertificateRequest>(Ns)).Items.Should().BeEmpty("nothing is issued for an invalid spec");
    }

    private async Task<Condition> ReadyOfAsync<T>(string name, Func<T, IEnumerable<Condition>?> conditions, Func<Condition, bool>? settled = null)
        where T : class, IKubernetesObject<T>
    {
        var wait = Stopwatch.StartNew();
        while (true)
        {
            var ready = Conditions.Find(conditions(await _cluster.Client.GetAsync<T>(Ns, name)), ConditionTypes.Ready);
            if (ready is not null && (settled?.Invoke(ready) ?? true))
            {
                return ready;
            }

            wait.Elapsed.Should().BeLessThan(Patience, $"{typeof(T).Name} {name} should get a Ready condition; last: {ready?.Reason}: {ready?.Message}");
            await Task.Delay(50);
        }
    }

    private async Task<List<KubeEvent>> EventsAboutAsync(string name, string? reason)
    {
        var wait = Stopwatch.StartNew();
        while (true)
        {
            var events = (await _cluster.Client.ListAsync<KubeEvent>(Ns)).Items
                .Where(e => e.InvolvedObject.Name == name && (reason is null || e.Reason == reason)).ToList();
            if (events.Count > 0 || wait.Elapsed > Patience)
            {
                // Give a second event, if the controller wrongly records one per reconcile, time to appear.
                await Task.Delay(500);
                return [.. (await _cluster.Client.ListAsync<KubeEvent>(Ns)).Items.Where(e => e.InvolvedObject.Name == name && (reason is null || e.Reason == reason))];
            }

            await Task.Delay(50);
        }
    }
}
