using System.Diagnostics;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using CertOperator.Tests.Hosting;
using k8s.Models;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// The whole operator on a fake clock: a 90-day certificate allowed to renew only in a Saturday 10:00–14:00
/// window in America/Denver renews at the window's opening, Saturday 10:00 local time, across DST changes for
/// three years, and not a second before.
/// </summary>
public sealed class RenewalWindowsOverYearsTests : IAsyncLifetime
{
    private const string ClusterResourceNamespace = "cert-manager";
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeZoneInfo Denver = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
    private static readonly ObjectKey Key = new("default", "weekend");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeClockCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeClockCluster.StartAsync(_clock, ClusterResourceNamespace);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_certificate_with_a_weekend_window_renews_when_the_window_opens_for_three_years()
    {
        await _cluster.Client.CreateAsync(new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "selfsigned" }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } });
        await _cluster.Client.CreateAsync(Weekend());
        var revision = 1;
        await IssuedAsync(revision);
        var horizon = _clock.GetUtcNow().AddYears(3);
        while (Find()!.Status!.RenewalTime!.Value is var due && due <= horizon)
        {
            var status = Find()!.Status!;
            var renewal = Find()!.Spec.Renewal;
            due.Should().Be(RenewalSchedule.WithRenewalPolicy(status.NotBefore!.Value, status.NotAfter!.Value, RenewalSchedule.RenewalTime(status.NotBefore!.Value, status.NotAfter!.Value, null, null), renewal).At);
            var local = TimeZoneInfo.ConvertTime(due, Denver);
            (local.DayOfWeek, local.Hour, local.Minute, local.Second).Should().Be((DayOfWeek.Saturday, 10, 0, 0), $"renewal {revision} at {due:u} opens the window");

            await _cluster.SettledAsync();
            _clock.Advance(due - OneSecond - _clock.GetUtcNow());
            await _cluster.SettledAsync();
            Find()!.Status!.Revision.Should().Be(revision, $"nothing renews before the window opens at {due:u}");

            _clock.Advance(OneSecond);
            await IssuedAsync(++revision);
            Find()!.Status!.NotBefore.Should().Be(due);
        }

        revision.Should().BeGreaterThan(15, "a 90-day certificate renews about every nine weeks");
    }

    private static Certificate Weekend() => new()
    {
        Metadata = new V1ObjectMeta { Name = Key.Name, NamespaceProperty = Key.Namespace },
        Spec = new CertificateSpec
        {
            SecretName = "weekend-tls",
            DnsNames = ["weekend.example.com"],
            PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
            IssuerRef = new IssuerReference { Name = "selfsigned", Kind = "ClusterIssuer" },
            Renewal = new CertificateRenewal
            {
                Policy = "RenewBefore",
                Windows = [new CertificateRenewalWindow { Cron = "0 10 * * SAT", Timezone = "America/Denver", WindowDuration = "4h" }],
            },
        },
    };

    private Certificate? Find() => _cluster.Observer.GetInformer<Certificate>().Store.Find(Key);

    private async Task IssuedAsync(int revision)
    {
        var deadline = Stopwatch.StartNew();
        while (Find() is not { Status: { } s } c || s.Revision != revision || !Conditions.IsTrue(s.Conditions, ConditionTypes.Ready)
            || Conditions.IsTrue(s.Conditions, ConditionTypes.Issuing) || s.NotBefore != _clock.GetUtcNow().AddTicks(-(_clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerSecond))
            || !_cluster.NextKeySecretsGone())
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), $"revision {revision} is issued and Ready at {_clock.GetUtcNow():u}");
            await Task.Delay(5);
        }
    }

}
