using CertOperator.Certificates.Policies;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Validation;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// Decides that a (re)issuance is due and says so by setting Issuing=True (see <see cref="IssuanceStart"/>), with Ready
/// as the readiness controller would set it then, which leaves that controller nothing to write. Schedules itself for the
/// renewal time or the end of the failure backoff with a precise timer; never polls.
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
        var (reason, lookAgainAt) = IssuanceStart.Decide(input);
        if (reason is null)
        {
            return lookAgainAt is { } at ? ReconcileResult.RequeueAfter(at - now) : ReconcileResult.Done;
        }

        var slice = CertificateStatusSlices.Issuance(certificate);
        Conditions.Set(slice.Conditions ??= [], ConditionTypes.Issuing, Conditions.True, reason.Reason, reason.Message, certificate.Metadata.Generation, time);
        await store.ApplyIssuanceAsync(certificate, slice, ReadinessDecision.Decide(input, progress: null), time, ct);
        if (reason.Warning is { } warning)
        {
            await events.RecordAsync(certificate, EventType.Warning, warning.Reason, warning.Message, ct);
        }

        await events.RecordAsync(certificate, EventType.Normal, "Issuing", reason.Message, ct);
        return ReconcileResult.Done;
    }
}
