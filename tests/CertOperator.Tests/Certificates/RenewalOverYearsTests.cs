using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using CertOperator.Tests.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using k8s.Models;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// The whole operator (every controller, the real queue, informers and reconcilers) on a fake clock against the
/// test API server: 90-day, 1-year, 5-year and 10-year certificates, from a CA and a SelfSigned ClusterIssuer,
/// renew exactly at two thirds of their life decade after decade, and between renewals the operator sends the
/// API server nothing and logs nothing.
/// </summary>
public sealed class RenewalOverYearsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ClusterResourceNamespace = "cert-manager";
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the operator must be idle and the API server see no request before an issuance counts as finished:
    /// time for the watch events of its last writes to reach the operator's caches and queue more work.
    /// </summary>
    private static readonly TimeSpan IssuanceSettled = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long to listen after moving the clock: anything a timer woke is queued during Advance and sends its first
    /// request within milliseconds (the stale readiness wake-up this test found showed up every time at 20 ms).
    /// </summary>
    private static readonly TimeSpan WakeupSettled = TimeSpan.FromMilliseconds(20);

    /// <summary>The root outlives the test (it renews after 66 years), so its leaves are never cut short by its expiry.</summary>
    private static readonly Subject Root = new("root", ClusterResourceNamespace, TimeSpan.FromHours(876000), "selfsigned", IsCa: true);

    private static readonly Subject[] Subjects =
    [
        Root,
        new("days-90", "default", TimeSpan.FromHours(2160), "ca"),
        new("year-1", "default", TimeSpan.FromHours(8760), "selfsigned"),
        new("years-5", "default", TimeSpan.FromHours(43800), "ca"),
        new("years-10", "default", TimeSpan.FromHours(87600), "selfsigned"),
    ];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeClockCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeClockCluster.StartAsync(_clock, ClusterResourceNamespace);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Certificates_of_90_days_to_10_years_renew_exactly_at_two_thirds_of_their_life_for_30_years_and_the_operator_is_silent_in_between()
    {
        var wall = Stopwatch.StartNew();
        var start = _clock.GetUtcNow();
        var horizon = start.AddYears(30);
        await _cluster.Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = ClusterResourceNamespace } });
        await _cluster.Client.CreateAsync(new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "selfsigned" }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } });
        await _cluster.Client.CreateAsync(new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "ca" }, Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = Root.SecretName } } });
        foreach (var subject in Subjects)
        {
            await _cluster.Client.CreateAsync(subject.Certificate());
        }

        var issued = Subjects.ToDictionary(s => s, _ => new List<DateTimeOffset> { start });
        await IssuedAsync(issued);
        output.WriteLine($"first issuance of {Subjects.Length} certificates: {wall.Elapsed.TotalSeconds:0.0} s");
        var quietIntervals = 0;
        for (var due = NextRenewal(); due.At <= horizon; due = NextRenewal())
        {
            await _cluster.SettledAsync(IssuanceSettled, Diagnostics);
            var before = _cluster.Server.Requests.Snapshot();
            var logLines = _cluster.Operator.Log.Count;
            _clock.Advance(due.At - OneSecond - _clock.GetUtcNow());
            await _cluster.SettledAsync(WakeupSettled, Diagnostics);
            var after = _cluster.Server.Requests.Snapshot();
            Changes(before, after).Should().BeEmpty($"nothing is due between the previous renewal and {due.At:u}");
            _cluster.Operator.Log.Lines().Skip(logLines).Should().BeEmpty("an idle operator has nothing to say");
            Revisions().Should().Equal(issued.ToDictionary(i => i.Key.Name, i => i.Value.Count), "nothing renews a second early");
            quietIntervals++;

            _clock.Advance(OneSecond);
            foreach (var subject in due.Subjects)
            {
                issued[subject].Add(due.At);
            }

            await IssuedAsync(issued);
        }

        output.WriteLine($"{quietIntervals} quiet intervals; renewals: {string.Join(", ", issued.Select(i => $"{i.Key.Name} {i.Value.Count - 1}"))}; {wall.Elapsed.TotalSeconds:0.0} s");
        issued.ToDictionary(i => i.Key.Name, i => i.Value.Count - 1).Should().Equal(
            new Dictionary<string, int> { ["root"] = 0, ["days-90"] = 182, ["year-1"] = 45, ["years-5"] = 9, ["years-10"] = 4 },
            "in 30 years a certificate renews every two thirds of its lifetime: 60 days, 243 days, 3 years 4 months, 6 years 8 months");
        _cluster.Operator.Log.Lines(LogLevel.Warning).Should().BeEmpty();
    }

    /// <summary>The earliest status.renewalTime among the certificates, and whose it is.</summary>
    private (DateTimeOffset At, IReadOnlyList<Subject> Subjects) NextRenewal()
    {
        var renewals = Subjects.Select(s => (Subject: s, At: Find(s)!.Status!.RenewalTime!.Value)).ToList();
        var at = renewals.Min(r => r.At);
        return (at, [.. renewals.Where(r => r.At == at).Select(r => r.Subject)]);
    }

    /// <summary>
    /// Waits until every certificate is Ready at the revision <paramref name="issued"/> expects, and checks what was
    /// issued: notBefore is the time of issuance to the second, notAfter one lifetime later, and the renewal time
    /// two thirds of the way (cert-manager's default), both in status and in the Secret's certificate.
    /// </summary>
    private async Task IssuedAsync(Dictionary<Subject, List<DateTimeOffset>> issued)
    {
        // The test's Certificate and Secret caches are fed by separate watches: wait until both show the new revision.
        await EventuallyAsync(
            () => issued.All(i => Find(i.Key) is { Status: { } s } c && s.Revision == i.Value.Count && IsReady(c) && s.NotBefore == i.Value[^1] && LeafNotBefore(i.Key) == i.Value[^1])
                && _cluster.NextKeySecretsGone(),
            $"revisions {string.Join(", ", issued.Select(i => $"{i.Key.Name} {i.Value.Count}"))} are issued and Ready");
        foreach (var (subject, times) in issued)
        {
            var status = Find(subject)!.Status!;
            var notBefore = times[^1];
            status.NotAfter.Should().Be(notBefore + subject.Lifetime, subject.Name);
            status.RenewalTime.Should().Be(notBefore + (subject.Lifetime * 2 / 3), subject.Name);
            using var leaf = Leaf(subject);
            new DateTimeOffset(leaf.NotAfter.ToUniversalTime()).Should().Be(notBefore + subject.Lifetime, subject.Name);
            leaf.Issuer.Should().Be(subject.Issuer == "ca" ? "CN=root.example.com" : leaf.Subject, subject.Name);
        }
    }

    private Certificate? Find(Subject subject) =>
        _cluster.Observer.GetInformer<Certificate>().Store.Find(new ObjectKey(subject.Namespace, subject.Name));

    private Dictionary<string, int> Revisions() =>
        _cluster.Observer.GetInformer<Certificate>().Store.List().ToDictionary(c => c.Metadata.Name!, c => c.Status?.Revision ?? 0);

    private static bool IsReady(Certificate certificate) =>
        Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Ready) && !Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing);

    private DateTimeOffset? LeafNotBefore(Subject subject)
    {
        if (_cluster.Observer.GetInformer<Secret>().Store.Find(new ObjectKey(subject.Namespace, subject.SecretName))?.Data?.ContainsKey("tls.crt") != true)
        {
            return null;
        }

        using var leaf = Leaf(subject);
        return new DateTimeOffset(leaf.NotBefore.ToUniversalTime());
    }

    private X509Certificate2 Leaf(Subject subject)
    {
        var secret = _cluster.Observer.GetInformer<Secret>().Store.Find(new ObjectKey(subject.Namespace, subject.SecretName))!;
        return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(secret.Data!["tls.crt"]));
    }

    private static Dictionary<string, int> Changes(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        after.Where(kv => kv.Value != before.GetValueOrDefault(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key));

    private async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{what} did not happen at {_clock.GetUtcNow():u}\n{Diagnostics()}");
            }

            await Task.Delay(5);
        }
    }

    private string Diagnostics()
    {
        var manager = _cluster.Operator.Manager;
        return $"""
            --- certificates ---
            {string.Join("\n", _cluster.Observer.GetInformer<Certificate>().Store.List().Select(Describe))}
            --- operator ---
            idle: {manager.IsIdle}, fake-clock timers: {_clock.PendingTimers} ({_clock.PendingTimeouts} request timeouts)
            {string.Join("\n", manager.ReadinessChecks().Concat(manager.LivenessChecks()).Where(c => !c.Ok).Select(c => $"{c.Name}: {c.Detail}"))}
            --- operator log ---
            {string.Join("\n", _cluster.Operator.Log.Lines())}
            """;
    }

    private static string Describe(Certificate c) =>
        $"{c.Metadata.Name}: revision {c.Status?.Revision}, notBefore {c.Status?.NotBefore:u}, renewal {c.Status?.RenewalTime:u}, " +
        string.Join(", ", (c.Status?.Conditions ?? []).Select(x => $"{x.Type}={x.Status} ({x.Reason})"));

    /// <summary>One Certificate of the test: who issues it and for how long.</summary>
    private sealed record Subject(string Name, string Namespace, TimeSpan Lifetime, string Issuer, bool IsCa = false)
    {
        public string SecretName => $"{Name}-tls";

        public Certificate Certificate() => new()
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace },
            Spec = new CertificateSpec
            {
                SecretName = SecretName,
                CommonName = $"{Name}.example.com",
                DnsNames = [$"{Name}.example.com"],
                Duration = $"{(long)Lifetime.TotalHours}h",
                IsCA = IsCa,
                // ECDSA keys are generated in microseconds; RSA would make hundreds of renewals slow, not more correct.
                PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
                IssuerRef = new IssuerReference { Name = Issuer, Kind = "ClusterIssuer" },
            },
        };
    }
}
