using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

/// <summary>
/// cert-manager's CertificateSpec. Issuers may ignore or change any requested attribute; at least
/// one of commonName, literalSubject, dnsNames or uris must be set.
/// </summary>
[Description("Desired state of the Certificate.")]
public sealed class CertificateSpec
{
    [Description("Requested X.509 subject attributes other than the common name. Cannot be set together with `literalSubject`.")]
    public X509Subject? Subject { get; set; }

    [Description("Requested subject as an RFC 4514 LDAP string, e.g. `CN=foo,DC=corp,DC=example,DC=com`, keeping attribute order. Cannot be set together with `subject` or `commonName`.")]
    public string? LiteralSubject { get; set; }

    [Description("Requested common name (CN) of the subject; at most 64 characters. TLS clients ignore it when any subject alternative name is set.")]
    public string? CommonName { get; set; }

    [Description("Requested lifetime as a Go duration, e.g. `2160h`. Defaults to 90 days; minimum 1 hour. The issuer may ignore it.")]
    public string? Duration { get; set; }

    [Description("How long before expiry to renew, as a Go duration, e.g. `360h`. Defaults to a third of the issued certificate's lifetime; minimum 5 minutes. Cannot be set together with `renewBeforePercentage`.")]
    public string? RenewBefore { get; set; }

    [Description("Like `renewBefore`, but as a percentage of the issued certificate's lifetime remaining when renewal starts, between 1 and 99. Cannot be set together with `renewBefore`.")]
    public int? RenewBeforePercentage { get; set; }

    [Description("Requested DNS subject alternative names.")]
    public List<string>? DnsNames { get; set; }

    [Description("Requested IP address subject alternative names.")]
    public List<string>? IpAddresses { get; set; }

    [Description("Requested URI subject alternative names.")]
    public List<string>? Uris { get; set; }

    [Description("Requested otherName subject alternative names with UTF-8 string values, e.g. a UPN (oid 1.3.6.1.4.1.311.20.2.3).")]
    public List<OtherName>? OtherNames { get; set; }

    [Description("Requested email subject alternative names.")]
    public List<string>? EmailAddresses { get; set; }

    [Required]
    [Description("Name of the Secret, in the Certificate's namespace, that receives the private key (tls.key), the signed certificate chain (tls.crt) and the CA (ca.crt). Created and kept up to date by the operator.")]
    public string SecretName { get; set; } = "";

    [Description("Labels and annotations copied onto the Certificate's Secret; they cannot overwrite the annotations the operator sets.")]
    public CertificateSecretTemplate? SecretTemplate { get; set; }

    [Description("Additional keystore formats (PKCS#12, JKS) to write into the Certificate's Secret.")]
    public CertificateKeystores? Keystores { get; set; }

    [Required]
    [Description("The Issuer or ClusterIssuer that signs this certificate. A namespaced Issuer must be in the Certificate's namespace. `name` is required; `kind` defaults to Issuer.")]
    public IssuerReference IssuerRef { get; set; } = new();

    [Description("Request a CA certificate (basic constraints isCA). Adds the `cert sign` usage. The issuer may ignore it.")]
    public bool? IsCA { get; set; }

    [EnumValues(typeof(KeyUsages))]
    [Description("Requested key usages and extended key usages. Defaults to `digital signature` and `key encipherment`.")]
    public List<string>? Usages { get; set; }

    [Description("Private key options: algorithm, size, PEM encoding and rotation policy.")]
    public CertificatePrivateKey? PrivateKey { get; set; }

    [Description("Whether the KeyUsage and ExtKeyUsage extensions are encoded in the CSR. Defaults to true; disable only for issuers that reject CSRs carrying them.")]
    public bool? EncodeUsagesInRequest { get; set; }

    [Description("How many CertificateRequest revisions to keep for this Certificate, oldest removed first; at least 1. Unset keeps them all.")]
    public int? RevisionHistoryLimit { get; set; }

    [Description("Extra output formats of the private key and certificate chain to write into the Certificate's Secret.")]
    public List<CertificateAdditionalOutputFormat>? AdditionalOutputFormats { get; set; }

    [Description("X.509 name constraints extension; only valid on CA certificates.")]
    public NameConstraints? NameConstraints { get; set; }

    [EnumValues("SHA256WithRSA", "SHA384WithRSA", "SHA512WithRSA", "ECDSAWithSHA256", "ECDSAWithSHA384", "ECDSAWithSHA512", "PureEd25519")]
    [Description("The signature algorithm of the CSR; must fit the private key. Issuers sign the certificate with their own key's algorithm, as cert-manager's do. Defaults to the one matching the key: SHA256WithRSA, ECDSAWithSHA256/384/512 by curve, PureEd25519.")]
    public string? SignatureAlgorithm { get; set; }

    [Description("How the Certificate is renewed: `policy` `RenewBefore` (default) or `Disabled`.")]
    public CertificateRenewal? Renewal { get; set; }
}
