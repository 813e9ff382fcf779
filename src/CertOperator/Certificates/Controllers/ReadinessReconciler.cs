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
/// Warning event, instead of an error loop.
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
        // A Secret this Certificate may not write holds someone else's certificate (or none): nothing to report from it.
        var blocked = input.SecretConflict is { Blocks: true };
        var facts = blocked ? null : input.Secret?.Facts;
        var (renewal, windowError) = blocked ? (null, null) : IssuancePolicies.Renewal(input);
        var (ready, reason, message) = Decide(certificate, input, Progress(certificate));
        if (windowError is not null && reason != "InvalidSpec")
        {
            // cert-manager's readiness controller: windows that cannot be met make the Certificate not Ready.
            (ready, reason, message) = (false, IssuancePolicies.WindowError, $"Could not calculate renewal time: {windowError}");
        }

        var was = Conditions.Find(certificate.Status?.Conditions, ConditionTypes.Ready);

        var slice = CertificateStatusSlices.Readiness(certificate);
        var changed = Conditions.Set(slice.Conditions ??= [], ConditionTypes.Ready, ready ? Conditions.True : Conditions.False, reason, message, certificate.Metadata.Generation, time);
        changed |= slice.NotBefore != facts?.NotBefore || slice.NotAfter != facts?.NotAfter || slice.RenewalTime != renewal;
        slice.NotBefore = facts?.NotBefore;
        slice.NotAfter = facts?.NotAfter;
        slice.RenewalTime = renewal;
        if (changed)
        {
            await store.ApplyStatusAsync(certificate, CertificateStatusSlices.ReadinessManager, slice, ct);
        }

        // One event per distinct problem: a fix that leaves another field invalid is news, a resync is not.
        if (reason is "InvalidSpec" or IssuancePolicies.WindowError && (was?.Reason != reason || was?.Message != message))
        {
            await events.RecordAsync(certificate, EventType.Warning, reason, message, ct);
        }

        if (input.SecretConflict is { } conflict && message.Contains(conflict.Message, StringComparison.Ordinal) && !AlreadyReported(was, conflict))
        {
            await events.RecordAsync(certificate, EventType.Warning, conflict.Reason, conflict.Message, ct);
        }

        // Expiry flips Ready to False without any object changing, so wake up for it.
        return ready && facts is not null && facts.NotAfter > now ? ReconcileResult.RequeueAfter(facts.NotAfter - now) : ReconcileResult.Done;
    }

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

    private static (bool Ready, string Reason, string Message) Decide(Certificate certificate, IssuanceInput input, string? progress)
    {
        if (CertificateValidation.ValidateIssuable(certificate.Spec) is { Count: > 0 } errors)
        {
            return (false, "InvalidSpec", $"The Certificate spec is invalid: {string.Join("; ", errors)}");
        }

        if (input.SecretConflict is { Blocks: true } conflict)
        {
            return (false, conflict.Reason, conflict.Message);
        }

        var (ready, reason, message) = IssuancePolicies.NotReady(input) is { } problem
            ? (false, problem.Reason, progress is null ? problem.Message : $"{problem.Message}; {progress}")
            : (true, "Ready", "Certificate is up to date and has not expired");
        // Kept, but others want the Secret too: say so where the owner looks.
        return input.SecretConflict is { } shared ? (ready, reason, $"{message}; {shared.Message}") : (ready, reason, message);
    }
}
