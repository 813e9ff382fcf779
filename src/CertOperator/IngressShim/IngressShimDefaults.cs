namespace CertOperator.IngressShim;

/// <summary>
/// cert-manager's ingress-shim options: the issuer for Ingresses that name none (--default-issuer-*), the
/// annotations that alone make an Ingress managed (--auto-certificate-annotations), and the Ingress
/// annotations copied onto its Certificates (--extra-certificate-annotations).
/// </summary>
internal sealed record IngressShimDefaults(string? IssuerName = null, string IssuerKind = "Issuer", string IssuerGroup = "cert-manager.io")
{
    public IReadOnlyList<string> AutoCertificateAnnotations { get; init; } = [IngressAnnotations.TlsAcme];

    public IReadOnlyList<string> ExtraCertificateAnnotations { get; init; } = [];
}
