using CertOperator.Infrastructure;

namespace CertOperator.IngressShim;

/// <summary>
/// cert-manager's certificate-shim options: the issuer for objects that name none (--default-issuer-*), the
/// annotations that alone make an Ingress managed (--auto-certificate-annotations), the annotations copied onto
/// the Certificates (--extra-certificate-annotations), and the Gateway listener protocols besides HTTPS and TLS
/// that carry certificates (--gateway-api-extra-protocols).
/// </summary>
internal sealed record IngressShimDefaults(string? IssuerName = null, string IssuerKind = "Issuer", string IssuerGroup = "cert-manager.io")
{
    public IReadOnlyList<string> AutoCertificateAnnotations { get; init; } = [IngressAnnotations.TlsAcme];

    public IReadOnlyList<string> ExtraCertificateAnnotations { get; init; } = [];

    public IReadOnlyList<string> GatewayApiExtraProtocols { get; init; } = [];

    public static IngressShimDefaults From(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new IngressShimDefaults(options.DefaultIssuerName, options.DefaultIssuerKind, options.DefaultIssuerGroup)
        {
            AutoCertificateAnnotations = options.AutoCertificateAnnotations,
            ExtraCertificateAnnotations = options.ExtraCertificateAnnotations,
            GatewayApiExtraProtocols = options.GatewayApiExtraProtocols,
        };
    }
}
