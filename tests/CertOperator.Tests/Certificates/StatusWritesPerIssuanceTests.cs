using System.Collections.Concurrent;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Tests.Certificates.Pki;
using CertOperator.Tests.Hosting;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// The whole operator on a fake clock against the test API server: the writes that start and end an issuance carry
/// Ready, so the readiness controller has nothing left to write. A new Certificate costs two status writes (it cost
/// four: Issuing, Ready=False, the revision, Ready=True) and still shows Ready=False while it issues; a renewal costs
/// two (it cost three). Its Events are the three that tell a user something (it cost five).
/// </summary>
public sealed class StatusWritesPerIssuanceTests : IAsyncLifetime
{
    private const string Ns = "default";
    private const string StatusApplies = "APPLY certificates/status 200";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _shown = new();
    private FakeClockCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClockCluster.StartAsync(_clock, "cert-manager");
        _cluster.Observer.GetInformer<Certificate>().AddEventHandler(new InformerHandler<Certificate> { OnUpdate = (_, c) => _shown.Enqueue(Describe(c)) });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_new_certificate_takes_two_status_writes_and_three_Events_and_shows_not_Ready_while_it_issues_and_a_renewal_takes_two()
    {
        await _cluster.CaIssuerAsync(Ns, PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key);
        var before = _cluster.Server.Requests.Snapshot();

        await _cluster.Client.CreateAsync(Gen.Certificate("web", Ns, s =>
        {
            s.DnsNames = ["web.example.com"];
            s.Duration = "2160h";
            s.PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 };
        }));
        await IssuedAsync(revision: 1);
        var issued = _cluster.Server.Requests.Snapshot();

        Writes(before, issued).Should().Be(2, "Issuing=True with Ready=False, then the revision with Ready=True and the validity fields; requests:\n{0}", Changes(before, issued));
        RequestCounter.Delta(before, issued, "APPLY certificates/status 409").Should().Be(0);
        RequestCounter.Delta(before, issued, "PUT certificates/status").Should().Be(0, "no field was left for a guarded write to remove");
        _shown.Should().Contain("Issuing=True (DoesNotExist), Ready=False (DoesNotExist)", "kubectl shows the Certificate not Ready while it issues");
        var events = (await _cluster.Client.ListAsync<KubeEvent>(Ns)).Items.Where(e => e.InvolvedObject?.Kind is "Certificate" or "CertificateRequest");
        events.Select(e => $"{e.InvolvedObject!.Kind} {e.Reason}").Should().BeEquivalentTo(
            ["Certificate Issuing", "Certificate Requested", "Certificate Issuing"],
            "why it issues, which request, and that it is done; the key's temporary Secret and the request's own success say nothing more");
        var status = Find()!.Status!;
        status.NotAfter.Should().Be(status.NotBefore!.Value.AddDays(90));
        status.RenewalTime.Should().Be(status.NotBefore.Value.AddDays(60));
        Conditions.Find(status.Conditions, ConditionTypes.Ready)!.Message.Should().Be("Certificate is up to date and has not expired");

        _clock.Advance(status.RenewalTime!.Value - _clock.GetUtcNow());
        await IssuedAsync(revision: 2);
        var renewed = _cluster.Server.Requests.Snapshot();

        Writes(issued, renewed).Should().Be(2, "Issuing=True, then the revision with the new validity fields; requests:\n{0}", Changes(issued, renewed));
        Find()!.Status!.RenewalTime.Should().Be(status.RenewalTime.Value.AddDays(60));
    }

    /// <summary>
    /// Readiness leaves Ready=False (Expired) to the trigger when the trigger is about to reissue, so the trigger must wake
    /// at the expiry itself: with renewal policy Disabled no renewal time comes first.
    /// </summary>
    [Fact]
    public async Task With_renewal_disabled_an_expired_certificate_shows_Expired_and_is_reissued_at_its_expiry()
    {
        await _cluster.CaIssuerAsync(Ns, PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key);
        await _cluster.Client.CreateAsync(Gen.Certificate("web", Ns, s =>
        {
            s.DnsNames = ["web.example.com"];
            s.Duration = "2160h";
            s.PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 };
            s.Renewal = new CertificateRenewal { Policy = "Disabled" };
        }));
        await IssuedAsync(revision: 1);
        var notAfter = Find()!.Status!.NotAfter!.Value;
        Find()!.Status!.RenewalTime.Should().BeNull("policy Disabled schedules no renewal");

        _clock.Advance(notAfter - TimeSpan.FromSeconds(1) - _clock.GetUtcNow());
        await _cluster.SettledAsync(TimeSpan.FromMilliseconds(100));
        Find()!.Status!.Revision.Should().Be(1, "nothing is due before the expiry");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await IssuedAsync(revision: 2);

        _shown.Should().Contain("Issuing=True (Expired), Ready=False (Expired)", "the expiry shows until the new certificate is in");
    }

    private static int Writes(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) => RequestCounter.Delta(before, after, StatusApplies);

    private static string Changes(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        string.Join("\n", after.Where(kv => kv.Value != before.GetValueOrDefault(kv.Key)).Select(kv => $"{kv.Key}: {kv.Value - before.GetValueOrDefault(kv.Key)}"));

    /// <summary>Waits until the Certificate is Ready at <paramref name="revision"/> and the operator has settled.</summary>
    private async Task IssuedAsync(int revision)
    {
        await _cluster.EventuallyAsync(
            () => Task.FromResult(Find() is { Status: { } s } && s.Revision == revision && Conditions.IsTrue(s.Conditions, ConditionTypes.Ready)
                && !Conditions.IsTrue(s.Conditions, ConditionTypes.Issuing) && _cluster.NextKeySecretsGone()),
            $"revision {revision} is issued and Ready");
        await _cluster.SettledAsync(TimeSpan.FromMilliseconds(100));
    }

    private Certificate? Find() => _cluster.Observer.GetInformer<Certificate>().Store.Find(new ObjectKey(Ns, "web"));

    private static string Describe(Certificate c) =>
        string.Join(", ", (c.Status?.Conditions ?? []).OrderBy(x => x.Type, StringComparer.Ordinal).Select(x => $"{x.Type}={x.Status} ({x.Reason})"));
}
