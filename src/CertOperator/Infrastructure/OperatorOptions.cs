namespace CertOperator.Infrastructure;

/// <summary>Settings of one operator process, from the `run` verb's flags and environment.</summary>
internal sealed record OperatorOptions
{
    /// <summary>Where ClusterIssuers' Secrets (CA key pairs, ACME account keys) live, like cert-manager's --cluster-resource-namespace.</summary>
    public required string ClusterResourceNamespace { get; init; }

    /// <summary>Workers per controller.</summary>
    public int Concurrency { get; init; } = 5;

    /// <summary>Most challenges presented at once across all issuers.</summary>
    public int MaxConcurrentChallenges { get; init; } = 60;

    /// <summary>Nameservers ("host:port") for DNS-01 propagation checks, like cert-manager's --dns01-recursive-nameservers; empty asks the zone's authoritative servers.</summary>
    public IReadOnlyList<string> Dns01Nameservers { get; init; } = [];

    /// <summary>Whether ClusterIssuers' DNS-01 providers may use ambient cloud credentials, like cert-manager's --cluster-issuer-ambient-credentials.</summary>
    public bool ClusterIssuerAmbientCredentials { get; init; } = true;

    /// <summary>Whether namespaced Issuers' DNS-01 providers may use ambient cloud credentials, like cert-manager's --issuer-ambient-credentials.</summary>
    public bool IssuerAmbientCredentials { get; init; }

    /// <summary>
    /// DNS-01 providers' API base URLs by `dns01` field name (`cloudflare`, `route53`…), replacing their public endpoints:
    /// for API-compatible services and tests. A provider uses <see cref="Dns01Endpoint"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> Dns01ProviderEndpoints { get; init; } = new Dictionary<string, Uri>();

    /// <summary>Issuer for Ingresses annotated only `kubernetes.io/tls-acme: "true"`, like cert-manager's --default-issuer-name; null disables it.</summary>
    public string? DefaultIssuerName { get; init; }

    /// <summary>Kind of the default issuer, like cert-manager's --default-issuer-kind.</summary>
    public string DefaultIssuerKind { get; init; } = "Issuer";

    /// <summary>API group of the default issuer, like cert-manager's --default-issuer-group.</summary>
    public string DefaultIssuerGroup { get; init; } = "cert-manager.io";

    /// <summary>Ingress annotations that, set to true, select the default issuer (cert-manager's --auto-certificate-annotations).</summary>
    public IReadOnlyList<string> AutoCertificateAnnotations { get; init; } = ["kubernetes.io/tls-acme"];

    /// <summary>Ingress annotations copied onto shim Certificates (cert-manager's --extra-certificate-annotations).</summary>
    public IReadOnlyList<string> ExtraCertificateAnnotations { get; init; } = [];

    /// <summary>cert-manager's feature gates this operator acts on (`--feature-gates`).</summary>
    public FeatureGates FeatureGates { get; init; } = FeatureGates.Default;

    /// <summary>Gateway listener protocols besides HTTPS and TLS whose certificateRefs get Certificates (cert-manager's --gateway-api-extra-protocols).</summary>
    public IReadOnlyList<string> GatewayApiExtraProtocols { get; init; } = [];

    /// <summary>The API base URL of the DNS-01 provider <paramref name="field"/>: the override, else <paramref name="publicEndpoint"/>.</summary>
    public Uri Dns01Endpoint(string field, Uri publicEndpoint) => Dns01ProviderEndpoints.GetValueOrDefault(field) ?? publicEndpoint;
}
