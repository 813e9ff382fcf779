using CertOperator.Crds.Issuers;
using CertOperator.Validation;

namespace CertOperator.Issuers;

/// <summary>The Ready condition an Issuer or ClusterIssuer should carry, with cert-manager's reasons.</summary>
internal sealed record IssuerReadiness(bool Ready, string Reason, string Message)
{
    /// <summary>cert-manager's issuer controllers report a configuration they cannot set up with ErrInitIssuer.</summary>
    public const string InvalidReason = "ErrInitIssuer";

    /// <summary>Not ready because the spec breaks a validation rule; the message names every field and its fix.</summary>
    public static IssuerReadiness Invalid(IReadOnlyList<FieldError> errors) =>
        new(false, InvalidReason, $"The issuer spec is invalid: {string.Join("; ", errors)}");

    /// <summary>
    /// Decides readiness from the spec and, for a CA issuer, the outcome of loading its key pair
    /// (null when the Secret was fine, otherwise why not); for an ACME issuer, the outcome of
    /// registering its account.
    /// </summary>
    public static IssuerReadiness Evaluate(IssuerSpec spec, string? caKeyPairProblem, IssuerReadiness? acmeRegistration = null)
    {
        var configured = new[] { spec.Acme is not null, spec.Ca is not null, spec.SelfSigned is not null }.Count(set => set);
        if (configured == 0)
        {
            return new(false, "ErrInitIssuer", "No issuer type is configured: set one of spec.acme, spec.ca or spec.selfSigned");
        }

        if (configured > 1)
        {
            return new(false, "ErrInitIssuer", "More than one issuer type is configured: set only one of spec.acme, spec.ca or spec.selfSigned");
        }

        if (spec.SelfSigned is not null)
        {
            return new(true, "IsReady", "");
        }

        if (spec.Ca is { } ca)
        {
            if (string.IsNullOrEmpty(ca.SecretName))
            {
                return new(false, "ErrGetKeyPair", "spec.ca.secretName is required: name a kubernetes.io/tls Secret holding the CA certificate and key");
            }

            return caKeyPairProblem is null
                ? new(true, "KeyPairVerified", "Signing CA verified")
                : new(false, "ErrInvalidKeyPair", $"Error getting keypair for CA issuer: {caKeyPairProblem}");
        }

        return acmeRegistration ?? new(false, "ErrRegisterACMEAccount", "spec.acme: the ACME account has not been registered yet");
    }
}
