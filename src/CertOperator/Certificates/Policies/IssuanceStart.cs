using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Validation;

namespace CertOperator.Certificates.Policies;

/// <summary>Whether the trigger starts an issuance now, and if not, when to look again.</summary>
internal static class IssuanceStart
{
    /// <summary>
    /// Why an issuance starts now (null: not now), and otherwise the time to look again (the renewal time, the expiry
    /// when that comes first, as with renewal policy Disabled, or the end of the failure backoff; null: only a change
    /// can make one due). None starts while one is under way, for a spec that cannot be issued, or into a Secret the
    /// Certificate may not write (another's, an issuer's, not a TLS Secret). The readiness controller leaves Ready to
    /// the trigger when this says one starts, so the trigger must wake for every time that can make it say so.
    /// </summary>
    public static (PolicyResult? Start, DateTimeOffset? LookAgainAt) Decide(IssuanceInput input)
    {
        var status = input.Certificate.Status;
        if (Conditions.IsTrue(status?.Conditions, ConditionTypes.Issuing)
            || CertificateValidation.ValidateIssuable(input.Certificate.Spec).Count > 0
            || input.SecretConflict is { Blocks: true })
        {
            return (null, null);
        }

        if (IssuancePolicies.NeedsIssuance(input) is not { } reason)
        {
            return (null, Earliest(IssuancePolicies.RenewalTimeOf(input), input.Secret?.Facts?.NotAfter));
        }

        return FailureBackoff.NextAttemptAt(status?.LastFailureTime, status?.FailedIssuanceAttempts) is { } next && next > input.Now
            ? (null, next)
            : (reason, null);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a <= b ? a : b;
}
