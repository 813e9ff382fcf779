using CertOperator.Crds.Issuers;
using CertOperator.Validation;

namespace CertOperator.Issuers;

/// <summary>The Ready condition an Issuer or ClusterIssuer should carry, with cert-manager's reasons.</summary>
internal sealed record IssuerReadiness(bool Ready, string Reason, string Message)
{
    /// <summary>
    /// Decides readiness from the spec, first checked as cert-manager's webhook would, and, for a CA issuer, the
    /// check of its key pair Secret; for an ACME issuer, the outcome of registering its account; for a Vault issuer,
    /// the outcome of logging in and checking Vault's health.
    /// </summary>
    public static IssuerReadiness Evaluate(IssuerSpec spec, CaKeyPairCheck? caKeyPair, IssuerReadiness? acmeRegistration = null, IssuerReadiness? vaultCheck = null)
    {
        if (IssuerValidation.Validate(spec) is { Count: > 0 } errors)
        {
            // Like cert-manager: without exactly one issuer type no issuer can be built (ErrInitIssuer); one whose
            // settings are wrong is reported and not retried (InvalidConfig, as its ACME setup does).
            var types = new object?[] { spec.Acme, spec.Ca, spec.SelfSigned, spec.Vault, spec.Venafi }.Count(t => t is not null);
            return new(false, types == 1 ? "InvalidConfig" : "ErrInitIssuer", $"The issuer spec is invalid: {string.Join("; ", errors)}");
        }

        if (spec.SelfSigned is not null)
        {
            return new(true, "IsReady", "");
        }

        if (spec.Vault is { } vault)
        {
            return vault.Auth.Aws is not null
                ? new(false, "Unsupported", "spec.vault.auth.aws: CertOperator does not log in to Vault with AWS IAM; use tokenSecretRef, appRole, kubernetes or clientCertificate, or keep cert-manager for this issuer")
                : vaultCheck ?? new(false, "VaultError", "spec.vault: Vault has not been checked yet");
        }

        if (spec.Venafi is not null)
        {
            return new(false, "Unsupported", "spec.venafi: CertOperator does not issue through Venafi; keep cert-manager for this issuer, or use a CA or ACME issuer");
        }

        if (spec.Ca is not null)
        {
            return caKeyPair is null or { Ok: true }
                ? new(true, "KeyPairVerified", "Signing CA verified")
                : new(false, caKeyPair.Reason!, $"Error getting keypair for CA issuer: {caKeyPair.Problem}");
        }

        return acmeRegistration ?? new(false, "ErrRegisterACMEAccount", "spec.acme: the ACME account has not been registered yet");
    }
}
