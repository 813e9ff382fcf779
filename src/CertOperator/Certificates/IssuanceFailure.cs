using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Events;

namespace CertOperator.Certificates;

/// <summary>
/// Ends the current issuance attempt as failed: Issuing=False reason Failed, lastFailureTime and
/// failedIssuanceAttempts (which the trigger's backoff reads, so a failure never loops), and a Warning
/// event. Used when the CertificateRequest fails and when no request or Secret could be written at all.
/// </summary>
internal static class IssuanceFailure
{
    public static async Task RecordAsync(CertificateStore store, EventRecorder events, TimeProvider time, Certificate certificate, string message, CancellationToken ct)
    {
        var failed = CertificateStatusSlices.Issuance(certificate);
        failed.LastFailureTime = time.GetUtcNow();
        failed.FailedIssuanceAttempts = (failed.FailedIssuanceAttempts ?? 0) + 1;
        Conditions.Set(failed.Conditions ??= [], ConditionTypes.Issuing, Conditions.False, "Failed", message, certificate.Metadata.Generation, time);
        await store.ApplyIssuanceAsync(certificate, failed, time, ct);
        await events.RecordAsync(certificate, EventType.Warning, "Failed", message, ct);
    }
}
