using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;

namespace CertOperator.Certificates.Controllers;

/// <summary>Tells a failed request of an earlier attempt from one of the attempt now under way.</summary>
internal static class IssuanceAttempts
{
    /// <summary>
    /// True when the request failed no later than the current Issuing=True began: it belongs to an
    /// attempt already counted, and must be replaced rather than counted again.
    /// </summary>
    public static bool FailedBeforeThisAttempt(CertificateRequest request, Certificate certificate)
    {
        var issuingSince = Conditions.Find(certificate.Status?.Conditions, ConditionTypes.Issuing) is { Status: Conditions.True } issuing
            ? issuing.LastTransitionTime
            : null;
        var failedAt = request.Status?.FailureTime ?? Conditions.Find(request.Status?.Conditions, ConditionTypes.Ready)?.LastTransitionTime;
        return issuingSince is { } since && failedAt is { } at && at <= since;
    }
}
