using CertOperator.Certificates.Pki;
using CertOperator.Validation;

namespace CertOperator.Certificates.Policies;

/// <summary>
/// What the Ready condition and the validity fields (notBefore, notAfter, renewalTime) should say.
/// <see cref="Plain"/>: nothing to report beyond them (no invalid spec, no renewal-window error, no one else's claim on
/// the Secret), which are the only outcomes the writes starting and ending an issuance carry; the others come with a
/// Warning event that the readiness controller records once, judging by the condition it wrote itself.
/// </summary>
internal sealed record ReadinessOutcome(bool Ready, string Reason, string Message, CertificateFacts? Facts, DateTimeOffset? RenewalTime, bool Plain);

/// <summary>The readiness decision over a gathered input: the validity chain, the renewal time and why it may be missing.</summary>
internal static class ReadinessDecision
{
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>
    /// The outcome for <paramref name="input"/>; <paramref name="progress"/> is what the issuing CertificateRequest waits
    /// for, added to a not-Ready message so `kubectl get certificate -o wide` says why issuance is stuck.
    /// </summary>
    public static ReadinessOutcome Decide(IssuanceInput input, string? progress)
    {
        // A Secret this Certificate may not write holds someone else's certificate (or none): nothing to report from it.
        var blocked = input.SecretConflict is { Blocks: true };
        var facts = blocked ? null : input.Secret?.Facts;
        var (renewal, windowError) = blocked ? (null, null) : IssuancePolicies.Renewal(input);
        var (ready, reason, message) = Condition(input, progress);
        if (windowError is not null && reason != InvalidSpec)
        {
            // cert-manager's readiness controller: windows that cannot be met make the Certificate not Ready.
            (ready, reason, message) = (false, IssuancePolicies.WindowError, $"Could not calculate renewal time: {windowError}");
        }

        var plain = input.SecretConflict is null && reason is not (InvalidSpec or IssuancePolicies.WindowError);
        return new ReadinessOutcome(ready, reason, message, facts, renewal, plain);
    }

    private static (bool Ready, string Reason, string Message) Condition(IssuanceInput input, string? progress)
    {
        if (CertificateValidation.ValidateIssuable(input.Certificate.Spec) is { Count: > 0 } errors)
        {
            return (false, InvalidSpec, $"The Certificate spec is invalid: {string.Join("; ", errors)}");
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
