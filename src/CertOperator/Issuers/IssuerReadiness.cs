using CertOperator.Crds.Issuers;
using CertOperator.Validation;

namespace CertOperator.Issuers;

/// <summary>The Ready condition an Issuer or ClusterIssuer should carry, with cert-manager's reasons.</summary>
internal sealed record IssuerReadiness(bool Ready, string Reason, string Message)
{
    /// <summary>
    /// Decides readiness from the spec, first checked as cert-manager's webhook would, and, for a CA issuer, the
    /// outcome of loading its key pair (null when the Secret was fine, otherwise why not); for an ACME issuer,
    /// the outcome of registering its account.
    /// </summary>
    public static IssuerReadiness Evaluate(IssuerSpec spec, string? caKeyPairProblem, IssuerReadiness? acmeRegistration = null)
    {
        if (IssuerValidation.Validate(spec) is { Count: > 0 } errors)
        {
            // Like cert-manager: without exactly one issuer type no issuer can be built (ErrInitIssuer); one whose
            // settings are wrong is reported and not retried (InvalidConfig, as its ACME setup does).
            var types = new object?[] { spec.Acme, spec.Ca, spec.SelfSigned }.Count(t => t is not null);
            return new(false, types == 1 ? "InvalidConfig" : "ErrInitIssuer", $"The issuer spec is invalid: {string.Join("; ", errors)}");
        }

        if (spec.SelfSigned is not null)
        {
            return new(true, "IsReady", "");
        }

        if (spec.Ca is not null)
        {
            return caKeyPairProblem is null
                ? new(true, "KeyPairVerified", "Signing CA verified")
                : new(false, "ErrInvalidKeyPair", $"Error getting keypair for CA issuer: {caKeyPairProblem}");
        }

        return acmeRegistration ?? new(false, "ErrRegisterACMEAccount", "spec.acme: the ACME account has not been registered yet");
    }
}
