namespace CertOperator.IngressShim;

/// <summary>The issuer used for Ingresses annotated only with `kubernetes.io/tls-acme: "true"` (cert-manager's --default-issuer-*).</summary>
internal sealed record IngressShimDefaults(string? IssuerName = null, string IssuerKind = "Issuer", string IssuerGroup = "cert-manager.io");
