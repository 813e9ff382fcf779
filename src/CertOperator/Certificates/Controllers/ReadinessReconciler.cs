using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// Sets Ready (and notBefore, notAfter, renewalTime) from what the Secret actually holds. An invalid
/// spec, or a Secret the Certificate may not write, makes Ready=False with the field to fix, plus a
/// Warning event, instead of an error loop. Leaves a plain outcome to the write that is about to start or end an
/// issuance, which carries it (see <see cref="CertificateStatusSlices"/>); that write's watch event brings the
/// Certificate back here.
/// </summary>
internal sealed class ReadinessReconciler(CertificateStore store, EventRecorder events, TimeProvider time) : ConflictTolerantReconciler
{
    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (store.Find(key) is not { } certificate)
        {
            return ReconcileResult.Done;
        }

        var now = time.GetUtcNow();
        var input = await store.GatherAsync(certificate, now, confirmAbsent: false, ct);
        var outcome = ReadinessDecision.Decide(input, Progress(certificate));
        var (slice, changed) = CertificateStatusSlices.Readiness(certificate, outcome, time);
        if (changed && outcome.Plain && (IssuanceStart.Decide(input).Start is not null || Completing(certificate)))
        {
            return ReconcileResult.Done;
        }

        var was = Conditions.Find(certificate.Status?.Conditions, ConditionTypes.Ready);
        if (changed)
        {
            await store.ApplyReadinessAsync(certificate, slice, ct);
        }

        var (reason, message) = (outcome.Reason, outcome.Message);
        // One event per distinct problem: a fix that leaves another field invalid is news, a resync is not.
        if (reason is ReadinessDecision.InvalidSpec or IssuancePolicies.WindowError && (was?.Reason != reason || was?.Message != message))
        {
            await events.RecordAsync(certificate, EventType.Warning, reason, message, ct);
        }

        if (input.SecretConflict is { } conflict && message.Contains(conflict.Message, StringComparison.Ordinal) && !AlreadyReported(was, conflict))
        {
            await events.RecordAsync(certificate, EventType.Warning, conflict.Reason, conflict.Message, ct);
        }

        // Expiry flips Ready to False without any object changing, so wake up for it.
        return outcome.Ready && outcome.Facts is { } facts && facts.NotAfter > now ? ReconcileResult.RequeueAfter(facts.NotAfter - now) : ReconcileResult.Done;
    }

    /// <summary>Whether the issuing controller is about to end this issuance (its request is signed), in a write that sets Ready.</summary>
    private bool Completing(Certificate certificate) =>
        Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing)
        && store.RequestFor(certificate, (certificate.Status!.Revision ?? 0) + 1) is { } request
        && Conditions.IsTrue(request.Status?.Conditions, ConditionTypes.Ready);

    /// <summary>
    /// One event when a refusal starts (its wording may change as the other side moves on), and one each time
    /// the Certificates kept from an owned Secret change; never one per reconcile that still finds the same.
    /// </summary>
    private static bool AlreadyReported(Condition? was, SecretConflict conflict) => conflict.Blocks
        ? was is { Status: Conditions.False } && was.Reason == conflict.Reason
        : was?.Message?.Contains(conflict.Message, StringComparison.Ordinal) == true;

    /// <summary>While issuing, what the next revision's CertificateRequest waits for (which carries its Order's and Challenges'), so `kubectl get certificate -o wide` says why it is stuck.</summary>
    private string? Progress(Certificate certificate)
    {
        if (!Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing)
            || store.RequestFor(certificate, (certificate.Status!.Revision ?? 0) + 1) is not { } request)
        {
            return null;
        }

        var ready = Conditions.Find(request.Status?.Conditions, ConditionTypes.Ready);
        return ready is { Status: Conditions.False, Reason: "Pending", Message: { Length: > 0 } waiting }
            ? $"CertificateRequest \"{request.Metadata.Name}\": {waiting}"
            : null;
    }
}
