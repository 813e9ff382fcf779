using System.ComponentModel;
using CertOperator.Crds.Acme;

namespace CertOperator.Crds.Issuers;

/// <summary>cert-manager's IssuerSpec with its inlined IssuerConfig; shared by Issuer and ClusterIssuer.</summary>
[Description("How the issuer signs certificates: exactly one of acme, ca or selfSigned.")]
public sealed class IssuerSpec
{
    [Description("Obtain certificates from an RFC 8555 ACME server (e.g. Let's Encrypt) by solving HTTP-01 or DNS-01 challenges.")]
    public AcmeIssuer? Acme { get; set; }

    [Description("Sign certificates with a CA key pair stored in a Secret.")]
    public CaIssuer? Ca { get; set; }

    [Description("Sign each certificate with its own private key.")]
    public SelfSignedIssuer? SelfSigned { get; set; }
}
