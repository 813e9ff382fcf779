using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Obtain certificates from an RFC 8555 ACME server by solving challenges that prove control of each domain.")]
public sealed class AcmeIssuer
{
    [Description("Email address of the ACME account, used by the CA for expiry and account notices. Optional but strongly recommended; may change after registration.")]
    public string? Email { get; set; }

    [Required]
    [Description("URL of the ACME server's directory, e.g. `https://acme-staging-v02.api.letsencrypt.org/directory`. Only RFC 8555 (ACME v2) servers are supported.")]
    public string Server { get; set; } = "";

    [MaxLength(64)]
    [Description("When the server offers alternative chains, use the one whose top certificate's issuer CN equals this, e.g. `ISRG Root X1`; otherwise the default chain.")]
    public string? PreferredChain { get; set; }

    [Description("Base64-encoded PEM CA bundle used to verify the ACME server's TLS certificate instead of the system roots. Mutually exclusive with `skipTLSVerify`.")]
    [SchemaFormat("byte")]
    public string? CaBundle { get; set; }

    [Description("Do not verify the ACME server's TLS certificate. For development only. Defaults to false.")]
    public bool? SkipTLSVerify { get; set; }

    [Description("Bind the new ACME account to an existing account at the CA (External Account Binding), as some CAs require.")]
    public AcmeExternalAccountBinding? ExternalAccountBinding { get; set; }

    [Required]
    [Description("The Secret holding the ACME account private key; generated if missing unless `disableAccountKeyGeneration` is set. `key` defaults to `tls.key`.")]
    public SecretKeySelector PrivateKeySecretRef { get; set; } = new();

    [Description("Challenge solvers, each optionally limited by a selector; the most specific match wins for each domain. Required to obtain certificates.")]
    public List<AcmeChallengeSolver>? Solvers { get; set; }

    [Description("Do not generate an account key: use the existing key in `privateKeySecretRef` and fail if it is missing. Defaults to false.")]
    public bool? DisableAccountKeyGeneration { get; set; }

    [Description("Ask the ACME server for a notAfter matching the Certificate's duration. Not all servers support it; those that do not fail the Order. Defaults to false.")]
    public bool? EnableDurationFeature { get; set; }

    [Description("ACME certificate profile to request on new Orders, e.g. `tlsserver` or `shortlived` at Let's Encrypt; the server must advertise it.")]
    public string? Profile { get; set; }
}
