using System.Diagnostics;
using CertOperator.Acme.Model;
using CertOperator.Certificates;
using CertOperator.Certificates.Ari;
using CertOperator.Certificates.Controllers;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using AcmeWindow = CertOperator.Acme.Model.AcmeRenewalWindow;
using k8s.Models;

namespace CertOperator.Tests.Certificates.Ari;

/// <summary>
/// The ARI controller against the test API server, a fake clock and a recorded renewalInfo endpoint (pebble has no
/// ARI): what it writes to status.acme.ari, how often it asks, and the renewal time the window then gives.
/// </summary>
public sealed class AcmeRenewalInfoReconcilerTests : IAsyncLifetime
{
    private const string Ns = "ari";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeRenewalInfoSource _source = new();
    private readonly AriTestCertificate _leaf = AriTestCertificate.Issue(Start.AddHours(-1), TimeSpan.FromDays(730));
    private TestCluster _cluster = null!;

    private KubernetesClient Client => _cluster.Client;
    private SharedInformerFactory Informers { get; set; } = null!;
    private EventRecorder Events { get; set; } = null!;
    private CertificateStore Store { get; set; } = null!;
    private AcmeRenewalInfoReconciler Reconciler { get; set; } = null!;

    private static ObjectKey Key => new(Ns, "web");

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartWithCrdsAsync(Ns);
        await Client.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = Ns },
            Spec = new IssuerSpec { Acme = new AcmeIssuer { Server = "https://acme.example/directory", PrivateKeySecretRef = new SecretKeySelector { Name = "acme-account" } } },
        });
        await Client.CreateAsync(Gen.Certificate("web", Ns, s => s.IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" }));
        await Client.CreateAsync(_leaf.Secret("web-tls", Ns, "web"));

        _source.Clock = _clock;
        var options = new OperatorOptions { ClusterResourceNamespace = "cert-manager", FeatureGates = new FeatureGates { AcmeUseAri = true } };
        var random = new FixedAriRandom();
        Informers = new SharedInformerFactory(Client);
        Store = new CertificateStore(Informers, Client, options, random);
        var lookup = new IssuerLookup(Informers, options);
        Informers.Start();
        await Informers.WaitForSyncAsync(CancellationToken.None);
        Events = new EventRecorder(Client, "test");
        Reconciler = new AcmeRenewalInfoReconciler(Store, lookup, _source, random, Events, _clock);
    }

    public async Task DisposeAsync()
    {
        Events.Dispose();
        await Informers.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task The_suggested_window_is_recorded_as_cert_manager_does_and_moves_the_renewal_time_into_it()
    {
        _source.Answer = now => new RenewalInfoAnswer(new AcmeRenewalInfo
        {
            SuggestedWindow = new AcmeWindow { Start = now.AddDays(20), End = now.AddDays(22) },
            ExplanationUrl = new Uri("https://acme.example/docs/incident"),
            RetryAfter = now.AddHours(12),
        }, null);

        var result = await Reconciler.ReconcileAsync(Key, CancellationToken.None);

        result.RequeueDelay.Should().Be(TimeSpan.FromHours(12), "the next poll is the server's Retry-After away");
        _source.Requests.Should().Equal(_leaf.AriId);
        var ari = (await Client.GetAsync<Certificate>(Ns, "web")).Status!.Acme!.Ari!;
        ari.SuggestedWindow!.Start.Should().Be(Start.AddDays(20));
        ari.SuggestedWindow.End.Should().Be(Start.AddDays(22));
        ari.ExplanationUrl.Should().Be("https://acme.example/docs/incident");
        ari.LastChecked.Should().Be(Start);
        ari.NextCheck.Should().Be(Start.AddHours(12));
        ari.LastError.Should().BeNull();

        var certificate = await CachedAsync(c => c.Status?.Acme?.Ari?.NextCheck == Start.AddHours(12));
        var input = await Store.GatherAsync(certificate, _clock.GetUtcNow(), confirmAbsent: false, CancellationToken.None);
        IssuancePolicies.RenewalTimeOf(input).Should().Be(Start.AddDays(21), "half-way through the window, the fixed fraction, well before two thirds of 2 years");
        (await Client.ListAllAsync<KubeEvent>(Ns)).Items.Should().BeEmpty("cert-manager reports the explanation URL only in status");
    }

    [Fact]
    public async Task Retry_After_is_respected_for_a_simulated_year_without_a_single_extra_poll()
    {
        _source.Answer = now => new RenewalInfoAnswer(new AcmeRenewalInfo
        {
            SuggestedWindow = new AcmeWindow { Start = Start.AddDays(480), End = Start.AddDays(482) },
            RetryAfter = now.AddDays(3),
        }, null);
        var year = Start.AddDays(365);
        var wakeups = 0;

        while (_clock.GetUtcNow() < year)
        {
            var polls = _source.Requests.Count;
            var result = await Reconciler.ReconcileAsync(Key, CancellationToken.None);
            _source.Requests.Should().HaveCount(polls + 1, $"a poll is due at {_clock.GetUtcNow():u}");
            var next = _clock.GetUtcNow() + result.RequeueDelay!.Value;
            await CachedAsync(c => c.Status?.Acme?.Ari?.NextCheck == next);

            // Other changes wake the controller in between (Secret, Certificate, resyncs): none of them asks the server.
            foreach (var early in new[] { TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromDays(2) })
            {
                _clock.SetUtcNow(next - TimeSpan.FromDays(3) + early);
                var between = await Reconciler.ReconcileAsync(Key, CancellationToken.None);
                between.RequeueDelay.Should().Be(next - _clock.GetUtcNow());
                wakeups++;
            }

            _source.Requests.Should().HaveCount(polls + 1);
            _clock.SetUtcNow(next);
        }

        _source.Requests.Should().HaveCount(122, "one poll every 3 days from day 0 to day 363");
        wakeups.Should().Be(366);
    }

    [Fact]
    public async Task A_failed_poll_keeps_the_window_records_the_error_and_an_ARIError_event_and_asks_again_in_6_hours()
    {
        _source.Answer = now => new RenewalInfoAnswer(new AcmeRenewalInfo
        {
            SuggestedWindow = new AcmeWindow { Start = now.AddDays(20), End = now.AddDays(22) },
            RetryAfter = now.AddHours(1),
        }, null);
        await Reconciler.ReconcileAsync(Key, CancellationToken.None);
        await CachedAsync(c => c.Status?.Acme?.Ari?.NextCheck == Start.AddHours(1));
        _clock.Advance(TimeSpan.FromHours(1));
        _source.Answer = _ => new RenewalInfoAnswer(null, "the ACME server https://acme.example/directory answered: service unavailable");

        var result = await Reconciler.ReconcileAsync(Key, CancellationToken.None);

        result.RequeueDelay.Should().Be(TimeSpan.FromHours(6));
        var ari = (await Client.GetAsync<Certificate>(Ns, "web")).Status!.Acme!.Ari!;
        ari.SuggestedWindow!.Start.Should().Be(Start.AddDays(20), "the last window stays in force");
        ari.LastError.Should().Be("the ACME server https://acme.example/directory answered: service unavailable");
        ari.LastChecked.Should().Be(Start.AddHours(1));
        ari.NextCheck.Should().Be(Start.AddHours(7));
        (await Client.ListAllAsync<KubeEvent>(Ns)).Items.Should().ContainSingle(e => e.Reason == "ARIError"
            && e.Message == "Could not fetch ACME Renewal Information: the ACME server https://acme.example/directory answered: service unavailable");
    }

    [Fact]
    public async Task A_server_without_renewalInfo_leaves_no_ACME_status_and_the_schedule_stands()
    {
        _source.Answer = now => new RenewalInfoAnswer(new AcmeRenewalInfo
        {
            SuggestedWindow = new AcmeWindow { Start = now.AddDays(20), End = now.AddDays(22) },
            RetryAfter = now.AddHours(1),
        }, null);
        await Reconciler.ReconcileAsync(Key, CancellationToken.None);
        await CachedAsync(c => c.Status?.Acme is not null);
        _clock.Advance(TimeSpan.FromHours(1));
        _source.Answer = _ => RenewalInfoAnswer.Unsupported;

        var result = await Reconciler.ReconcileAsync(Key, CancellationToken.None);

        result.Should().Be(ReconcileResult.Done);
        (await Client.GetAsync<Certificate>(Ns, "web")).Status?.Acme.Should().BeNull();
        var certificate = await CachedAsync(c => c.Status?.Acme is null);
        var input = await Store.GatherAsync(certificate, _clock.GetUtcNow(), confirmAbsent: false, CancellationToken.None);
        IssuancePolicies.RenewalTimeOf(input).Should().Be(Start.AddHours(-1).AddSeconds(42_048_000), "two thirds of 730 days");
    }

    [Fact]
    public async Task A_Certificate_of_a_non_ACME_issuer_is_never_polled()
    {
        await Client.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = "ca", NamespaceProperty = Ns }, Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = "ca-key" } } });
        await Client.CreateAsync(Gen.Certificate("other", Ns, s => s.IssuerRef = new IssuerReference { Name = "ca", Kind = "Issuer" }));
        await Client.CreateAsync(_leaf.Secret("other-tls", Ns, "other"));
        await CachedAsync(_ => Store.Find(new ObjectKey(Ns, "other")) is not null && Informers.GetMetadataInformer<Secret>().Store.Find(new ObjectKey(Ns, "other-tls")) is not null);

        (await Reconciler.ReconcileAsync(new ObjectKey(Ns, "other"), CancellationToken.None)).Should().Be(ReconcileResult.Done);
        _source.Requests.Should().BeEmpty();
    }

    private async Task<Certificate> CachedAsync(Func<Certificate, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (Store.Find(Key) is { } certificate && condition(certificate))
            {
                return certificate;
            }

            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the Certificate cache catches up with the status write");
            await Task.Delay(2);
        }
    }

    private sealed class FakeRenewalInfoSource : IRenewalInfoSource
    {
        public Func<DateTimeOffset, RenewalInfoAnswer> Answer { get; set; } = _ => RenewalInfoAnswer.Unsupported;

        public FakeTimeProvider? Clock { get; set; }

        public List<string> Requests { get; } = [];

        public Task<RenewalInfoAnswer> GetAsync(IIssuerObject issuer, string certificateId, CancellationToken ct)
        {
            issuer.Spec.Acme.Should().NotBeNull();
            Requests.Add(certificateId);
            return Task.FromResult(Answer(Clock!.GetUtcNow()));
        }
    }

    /// <summary>Every certificate half-way through its window, every poll exactly at Retry-After.</summary>
    private sealed class FixedAriRandom : IAriRandom
    {
        public double WindowFraction(string certificateId) => 0.5;

        public double NextFraction() => 0.5;
    }
}
