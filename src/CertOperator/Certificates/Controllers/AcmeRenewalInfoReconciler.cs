using System.Text.Json.Nodes;
using CertOperator.Certificates.Ari;
using CertOperator.Crds.Certificates;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// ACME Renewal Information (RFC 9773, cert-manager's ACMEUseARI): for a Certificate whose Secret holds a valid
/// certificate from an ACME issuer, asks the server's renewalInfo when status.acme.ari.nextCheck is due (or the
/// certificate is newer than the last answer) and records the suggested window there. The trigger and readiness
/// controllers renew by that window. Between polls it only requeues itself for nextCheck: one GET per
/// Certificate per Retry-After.
/// </summary>
internal sealed class AcmeRenewalInfoReconciler(
    CertificateStore store, IssuerLookup lookup, IRenewalInfoSource source, IAriRandom random, EventRecorder events, TimeProvider time)
    : ConflictTolerantReconciler
{
    public const string ErrorReason = "ARIError";

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (store.Find(key) is not { } certificate
            || lookup.Find(certificate.Spec.IssuerRef, certificate.Metadata.NamespaceProperty) is not { Spec.Acme: not null } issuer)
        {
            return ReconcileResult.Done;
        }

        var now = time.GetUtcNow();
        var input = await store.GatherAsync(certificate, now, confirmAbsent: false, ct);
        if (input.SecretConflict is { Blocks: true } || input.Secret?.Facts is not { AriCertificateId: { } id } facts)
        {
            // Nothing of ours to ask about; the readiness controller reports why the Secret is unusable.
            return ReconcileResult.Done;
        }

        var previous = certificate.Status?.Acme?.Ari;
        if (!AriPolling.Due(previous, facts.NotBefore, now))
        {
            return ReconcileResult.RequeueAfter(previous!.NextCheck!.Value - now);
        }

        var answer = await source.GetAsync(issuer, id, ct);
        if (answer.IsUnsupported)
        {
            // As cert-manager: a server without renewalInfo leaves no ACME status; renewal follows the schedule. A merge
            // patch, because an apply that drops the window leaves an empty suggestedWindow the schema refuses.
            if (certificate.Status?.Acme is not null)
            {
                var removal = new JsonObject { ["status"] = new JsonObject { ["acme"] = null } };
                store.Written(certificate, await store.Client.PatchStatusAsync<Certificate>(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name!, Patch.Merge(removal), ct));
            }

            return ReconcileResult.Done;
        }

        var problem = answer.Info is { } info ? AriPolling.Problem(info) : answer.Error;
        var ari = problem is null
            ? AriPolling.Answered(answer.Info!, now, random.NextFraction())
            : AriPolling.Failed(previous, facts.NotBefore, problem, answer.RetryAfter, now, random.NextFraction());
        var slice = new CertificateStatus { Acme = new CertificateAcmeStatus { Ari = ari } };
        await store.ApplyStatusAsync(certificate, CertificateStatusSlices.AriManager, slice, ct);
        if (problem is not null)
        {
            await events.RecordAsync(certificate, EventType.Warning, ErrorReason, $"Could not fetch ACME Renewal Information: {problem}", ct);
        }

        return ReconcileResult.RequeueAfter(ari.NextCheck!.Value - now);
    }
}
