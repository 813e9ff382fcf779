namespace CertOperator.Crds.WellKnown;

/// <summary>Annotation keys cert-manager writes on Secrets and CertificateRequests, which users' tooling reads.</summary>
public static class CertManagerAnnotations
{
    public const string CertificateName = "cert-manager.io/certificate-name";
    public const string IssuerName = "cert-manager.io/issuer-name";
    public const string IssuerKind = "cert-manager.io/issuer-kind";
    public const string IssuerGroup = "cert-manager.io/issuer-group";
    public const string CommonName = "cert-manager.io/common-name";
    public const string AltNames = "cert-manager.io/alt-names";
    public const string IpSans = "cert-manager.io/ip-sans";
    public const string UriSans = "cert-manager.io/uri-sans";
    public const string EmailSans = "cert-manager.io/email-sans";
    public const string CertificateRevision = "cert-manager.io/certificate-revision";
    public const string IssueTemporaryCertificate = "cert-manager.io/issue-temporary-certificate";
    public const string PrivateKeySecretName = "cert-manager.io/private-key-secret-name";
}
