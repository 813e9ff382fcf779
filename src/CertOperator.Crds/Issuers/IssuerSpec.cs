using System.ComponentModel;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers.Vault;
using CertOperator.Crds.Issuers.Venafi;

namespace CertOperator.Crds.Issuers;

/// <summary>cert-manager's IssuerSpec with its inlined IssuerConfig; shared by Issuer and ClusterIssuer.</summary>
[Description("How the issuer signs certificates: exactly one of acme, ca, selfSigned, vault or venafi.")]
public sealed class IssuerSpec
{
    [Description("Obtain certificates from an RFC 8555 ACME server (e.g. Let's Encrypt) by solving HTTP-01 or DNS-01 challenges.")]
    public AcmeIssuer? Acme { get; set; }

    [Description("Sign certificates with a CA key pair stored in a Secret.")]
    public CaIssuer? Ca { get; set; }

    [Description("Sign each certificate with its own private key.")]
    public SelfSignedIssuer? SelfSigned { get; set; }

    [Description("Sign certificates with a HashiCorp Vault PKI secrets engine. Accepted so cert-manager manifests apply; this build reports the issuer not ready.")]
    public VaultIssuer? Vault { get; set; }

    [Description("Sign certificates with Venafi. Accepted so cert-manager manifests apply; this operator reports the issuer not ready.")]
    public VenafiIssuer? Venafi { get; set; }
}
