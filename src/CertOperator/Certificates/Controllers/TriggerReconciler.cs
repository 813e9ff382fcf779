using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Validation;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// Decides that a (re)issuance is due and says so by setting Issuing=True. Schedules itself for the
/// renewal time or the end of the failure backoff with a precise timer; never polls. Never starts an
/// issuance into a Secret the Certificate may not write (another's, an issuer's, not a TLS Secret).
/// </summary>
internal sealed class TriggerReconciler(CertificateStore store, EventRecorder events, TimeProvider time) : ConflictTolerantReconciler
{
    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (store.Find(key) is not { } certificate
            || Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing)
            || CertificateValidation.ValidateIssuable(certificate.Spec).Count > 0)
        {
            return ReconcileResult.Done;
        }

        var now = time.GetUtcNow();
        // Only a Certificate that has issued before can have a Secret of ours the cache has not caught up with.
        var input = await store.GatherAsync(certificate, now, confirmAbsent: certificate.Status?.Revision is not null, ct);
        if (input.SecretConflict is { Blocks: true })
        {
            // Issuing would overwrite a Secret that is not ours; the readiness controller reports why on Ready.
            return ReconcileResult.Done;
        }

        if (IssuancePolicies.NeedsIssuance(input) is not { } reason)
        {
            return IssuancePolicies.RenewalTimeOf(input) is { } renewal ? ReconcileResult.RequeueAfter(renewal - now) : ReconcileResult.Done;
        }

        if (FailureBackoff.NextAttemptAt(certificate.Status?.LastFailureTime, certificate.Status?.FailedIssuanceAttempts) is { } next && next > now)
        {
            return ReconcileResult.RequeueAfter(next - now);
        }

        var slice = CertificateStatusSlices.Issuance(certificate);
        Conditions.Set(slice.Conditions ??= [], ConditionTypes.Issuing, Conditions.True, reason.Reason, reason.Message, certificate.Metadata.Generation, time);
        await store.ApplyIssuanceAsync(certificate, slice, time, ct);
        if (reason.Warning is { } warning)
        {
            await events.RecordAsync(certificate, EventType.Warning, warning.Reason, warning.Message, ct);
        }

        await events.RecordAsync(certificate, EventType.Normal, "Issuing", reason.Message, ct);
        return ReconcileResult.Done;
    }
}
