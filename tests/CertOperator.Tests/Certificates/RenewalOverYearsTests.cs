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

namespace CertOperator.Tests.Certificates;

/// <summary>
/// The whole operator (every controller, the real queue, informers and reconcilers) on a fake clock against the
/// test API server: 90-day, 1-year, 5-year and 10-year certificates renew exactly at two thirds of their life,
/// decade after decade, and between renewals the operator sends the API server nothing at all.
/// </summary>
public sealed class RenewalOverYearsTests(ITestOutputHelper output)
{
    private const string Ns = "default";
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>How long the API server must see no request before the operator counts as done reacting.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeClockCluster _cluster = null!;

    [Fact]
    public async Task Certificates_of_90_days_to_10_years_renew_exactly_at_their_renewal_time_for_30_years_and_the_operator_is_silent_in_between()
    {
        await using var cluster = await FakeClockCluster.StartAsync(_clock, "cert-manager");
        _cluster = cluster;
        var wall = Stopwatch.StartNew();
        var start = _clock.GetUtcNow();
        var horizon = start.AddYears(30);
        await _cluster.Client.CreateAsync(new ClusterIssuer { Metadata = new ObjectMeta { Name = "selfsigned" }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } });
        var lifetimes = new Dictionary<string, TimeSpan>
        {
            ["days-90"] = TimeSpan.FromHours(2160),
            ["year-1"] = TimeSpan.FromHours(8760),
            ["years-5"] = TimeSpan.FromHours(43800),
            ["years-10"] = TimeSpan.FromHours(87600),
        };
        foreach (var (name, lifetime) in lifetimes)
        {
            await _cluster.Client.CreateAsync(Certificate(name, lifetime));
        }

        var issued = lifetimes.Keys.ToDictionary(name => name, _ => new List<DateTimeOffset> { start });
        await IssuedAsync(lifetimes, issued);
        var quietIntervals = 0;
        while (NextRenewal(lifetimes.Keys) is { } due && due.At <= horizon)
        {
            await SettledAsync();
            var before = _cluster.Server.Requests.Snapshot();
            var logLines = _cluster.Operator.Log.Count;
            _clock.Advance(due.At - OneSecond - _clock.GetUtcNow());
            await SettledAsync();
            var after = _cluster.Server.Requests.Snapshot();
            Changes(before, after).Should().BeEmpty($"nothing is due between the previous renewal and {due.At:u}");
            _cluster.Operator.Log.Lines().Skip(logLines).Should().BeEmpty("an idle operator has nothing to say");
            Revisions().Should().Equal(issued.ToDictionary(i => i.Key, i => i.Value.Count), "nothing renews a second early");
            quietIntervals++;

            _clock.Advance(OneSecond);
            foreach (var name in due.Names)
            {
                issued[name].Add(due.At);
            }

            await IssuedAsync(lifetimes, issued);
        }

        output.WriteLine($"{quietIntervals} quiet intervals, renewals: {string.Join(", ", issued.Select(i => $"{i.Key} {i.Value.Count - 1}"))}; {wall.Elapsed.TotalSeconds:0.0} s");
        issued["days-90"].Should().HaveCountGreaterThan(180, "30 years of 90-day certificates renewed every 60 days");
        issued["years-10"].Should().HaveCount(5, "a 10-year certificate renews every 6 years 8 months: 4 times in 30 years");
        _cluster.Operator.Log.Lines(LogLevel.Warning).Should().BeEmpty();
    }

    private static Certificate Certificate(string name, TimeSpan lifetime) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Ns },
        Spec = new CertificateSpec
        {
            SecretName = $"{name}-tls",
            CommonName = $"{name}.example.com",
            DnsNames = [$"{name}.example.com"],
            Duration = $"{(long)lifetime.TotalHours}h",
            // ECDSA keys are generated in microseconds; RSA would make hundreds of renewals slow, not more correct.
            PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
            IssuerRef = new IssuerReference { Name = "selfsigned", Kind = "ClusterIssuer" },
        },
    };

    /// <summary>The earliest status.renewalTime among the certificates, and which of them it belongs to.</summary>
    private (DateTimeOffset At, IReadOnlyList<string> Names)? NextRenewal(IEnumerable<string> names)
    {
        var renewals = names.Select(n => (Name: n, At: Find(n)!.Status!.RenewalTime!.Value)).ToList();
        var at = renewals.Min(r => r.At);
        return (at, [.. renewals.Where(r => r.At == at).Select(r => r.Name)]);
    }

    /// <summary>
    /// Waits until every certificate is Ready at the revision <paramref name="issued"/> expects, and checks what was
    /// issued: notBefore is the time of issuance to the second, notAfter one lifetime later, and the renewal time
    /// two thirds of the way (cert-manager's default), both in status and in the Secret's certificate.
    /// </summary>
    private async Task IssuedAsync(Dictionary<string, TimeSpan> lifetimes, Dictionary<string, List<DateTimeOffset>> issued)
    {
        await EventuallyAsync(
            () => issued.All(i => Find(i.Key) is { Status: { } s } c && s.Revision == i.Value.Count && IsReady(c) && s.NotBefore == i.Value[^1]),
            $"revisions {string.Join(", ", issued.Select(i => $"{i.Key} {i.Value.Count}"))} are issued and Ready");
        foreach (var (name, times) in issued)
        {
            var status = Find(name)!.Status!;
            var notBefore = times[^1];
            status.NotAfter.Should().Be(notBefore + lifetimes[name], name);
            status.RenewalTime.Should().Be(notBefore + (lifetimes[name] * 2 / 3), name);
            using var leaf = Leaf(name);
            new DateTimeOffset(leaf.NotBefore.ToUniversalTime()).Should().Be(notBefore, $"{name} revision {times.Count} is issued at its renewal time");
            new DateTimeOffset(leaf.NotAfter.ToUniversalTime()).Should().Be(notBefore + lifetimes[name], name);
        }
    }

    private Certificate? Find(string name) => _cluster.Observer.GetInformer<Certificate>().Store.Find(new ObjectKey(Ns, name));

    private Dictionary<string, int> Revisions() =>
        _cluster.Observer.GetInformer<Certificate>().Store.List().ToDictionary(c => c.Metadata.Name!, c => c.Status?.Revision ?? 0);

    private static bool IsReady(Certificate certificate) =>
        Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Ready) && !Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing);

    private X509Certificate2 Leaf(string name)
    {
        var secret = _cluster.Observer.GetInformer<Secret>().Store.Find(new ObjectKey(Ns, $"{name}-tls"))!;
        return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(secret.Data!["tls.crt"]));
    }

    /// <summary>
    /// Waits (in real time) until the operator is done reacting: no API request in flight (each holds a timeout on
    /// the fake clock, so advancing it now would cancel the request) and none completed for <see cref="Settled"/>.
    /// </summary>
    private async Task SettledAsync()
    {
        var deadline = Stopwatch.StartNew();
        var last = _cluster.Server.Requests.Snapshot();
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < Settled)
        {
            await Task.Delay(5);
            var now = _cluster.Server.Requests.Snapshot();
            if (Changes(last, now).Count > 0 || _clock.PendingTimeouts > 0)
            {
                last = now;
                quiet.Restart();
            }

            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), $"the operator keeps sending requests:\n{Diagnostics()}");
        }
    }

    private static Dictionary<string, int> Changes(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        after.Where(kv => kv.Value != before.GetValueOrDefault(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key));

    private async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"{what} did not happen at {_clock.GetUtcNow():u}\n{Diagnostics()}");
            }

            await Task.Delay(5);
        }
    }

    private string Diagnostics() =>
        $"--- certificates ---\n{string.Join("\n", _cluster.Observer.GetInformer<Certificate>().Store.List().Select(Describe))}\n--- operator log ---\n{string.Join("\n", _cluster.Operator.Log.Lines())}";

    private static string Describe(Certificate c) =>
        $"{c.Metadata.Name}: revision {c.Status?.Revision}, notBefore {c.Status?.NotBefore:u}, renewal {c.Status?.RenewalTime:u}, " +
        string.Join(", ", (c.Status?.Conditions ?? []).Select(x => $"{x.Type}={x.Status} ({x.Reason})"));
}
