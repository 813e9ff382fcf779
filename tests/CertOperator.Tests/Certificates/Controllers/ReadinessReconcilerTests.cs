using CertOperator.Certificates.Controllers;
using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;

namespace CertOperator.Tests.Certificates.Controllers;

/// <summary>
/// The readiness controller against the test API server, with a cache that has not yet seen its own status write
/// (the informers are stopped once synced): a reconcile woken meanwhile reports nothing twice and writes nothing again.
/// </summary>
public sealed class ReadinessReconcilerTests() : ContestedSecretTests("stale")
{
    [Fact]
    public async Task A_refusal_is_reported_once_while_the_cache_shows_the_certificate_from_before()
    {
        await CreateCertificateAsync("owner");
        await CreateCertificateAsync("late");
        await CreateOwnersSecretAsync();
        var informers = new SharedInformerFactory(Client);
        using var events = new EventRecorder(Client, "test");
        var store = await SyncedStoreAsync(informers);
        await informers.DisposeAsync();
        var reconciler = new ReadinessReconciler(store, events, TimeProvider.System);
        await reconciler.ReconcileAsync(new ObjectKey(Ns, "late"), CancellationToken.None);
        var reported = Server.Requests.Snapshot();

        // The stopped informers still show "late" without the Ready condition just written.
        await reconciler.ReconcileAsync(new ObjectKey(Ns, "late"), CancellationToken.None);

        RequestCounter.Delta(reported, Server.Requests.Snapshot()).Should().Be(0, "the second look neither writes status nor records an Event");
        var ready = Conditions.Find((await Client.GetAsync<Certificate>(Ns, "late")).Status?.Conditions, "Ready");
        ready.Should().NotBeNull();
        ready!.Reason.Should().Be("DuplicateSecretName");
        var warnings = (await Client.ListAsync<KubeEvent>(Ns)).Items.Where(e => e.Reason == "DuplicateSecretName" && e.InvolvedObject?.Name == "late");
        warnings.Should().ContainSingle().Which.Count.GetValueOrDefault(1).Should().Be(1, "the refusal is reported once, not counted up by a repeat");
        store.WrittenAheadOfCache.Should().Be(1, "the cache never showed the write, so reads still take it");
    }
}
