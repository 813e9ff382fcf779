using CertOperator.Certificates.Policies;
using CertOperator.Certificates.Validation;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// Sets Ready (and notBefore, notAfter, renewalTime) from what the Secret actually holds. An invalid
/// spec makes Ready=False with the field to fix, plus a Warning event, instead of an error loop.
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
        var facts = input.Secret?.Facts;
        var (ready, reason, message) = Decide(certificate, input);
        var wasReason = Conditions.Find(certificate.Status?.Conditions, ConditionTypes.Ready)?.Reason;

        var slice = CertificateStatusSlices.Readiness(certificate);
        var changed = Conditions.Set(slice.Conditions ??= [], ConditionTypes.Ready, ready ? Conditions.True : Conditions.False, reason, message, certificate.Metadata.Generation, time);
        var renewal = IssuancePolicies.RenewalTimeOf(input);
        changed |= slice.NotBefore != facts?.NotBefore || slice.NotAfter != facts?.NotAfter || slice.RenewalTime != renewal;
        slice.NotBefore = facts?.NotBefore;
        slice.NotAfter = facts?.NotAfter;
        slice.RenewalTime = renewal;
        if (changed)
        {
            await CertificateStatusSlices.ApplyAsync(store.Client, certificate, CertificateStatusSlices.ReadinessManager, slice, ct);
        }

        if (reason == "InvalidSpec" && wasReason != reason)
        {
            await events.RecordAsync(certificate, EventType.Warning, "InvalidSpec", message, ct);
        }

        // Expiry flips Ready to False without any object changing, so wake up for it.
        return ready && facts is not null && facts.NotAfter > now ? ReconcileResult.RequeueAfter(facts.NotAfter - now) : ReconcileResult.Done;
    }

    private static (bool Ready, string Reason, string Message) Decide(Certificate certificate, IssuanceInput input)
    {
        if (CertificateValidation.Validate(certificate.Spec) is { Count: > 0 } errors)
        {
            return (false, "InvalidSpec", $"The Certificate spec is invalid: {string.Join("; ", errors)}");
        }

        return IssuancePolicies.NotReady(input) is { } problem
            ? (false, problem.Reason, problem.Message)
            : (true, "Ready", "Certificate is up to date and has not expired");
    }
}
