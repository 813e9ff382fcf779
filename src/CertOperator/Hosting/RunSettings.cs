using System.Net;
using CertOperator.Infrastructure;

namespace CertOperator.Hosting;

/// <summary>What the `run` verb was asked for.</summary>
internal sealed record RunSettings
{
    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public int Concurrency { get; init; } = 5;

    /// <summary>
    /// Kubernetes API requests per second, shared by every controller; like cert-manager's --kube-api-qps.
    /// Higher than client-go's 20: issuing one Certificate takes about 40 requests, and at 20/s every other
    /// controller's request waits behind those of the ~25 certificate workers for over a second.
    /// </summary>
    public double KubeApiQps { get; init; } = 100;

    /// <summary>Kubernetes API requests allowed in a burst above <see cref="KubeApiQps"/>; like cert-manager's --kube-api-burst.</summary>
    public int KubeApiBurst { get; init; } = 200;

    public bool LeaderElect { get; init; } = true;

    public required string LeaderElectionNamespace { get; init; }

    public TimeSpan LeaderElectionLeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan LeaderElectionRenewDeadline { get; init; } = TimeSpan.FromSeconds(40);

    public TimeSpan LeaderElectionRetryPeriod { get; init; } = TimeSpan.FromSeconds(15);

    public required string ClusterResourceNamespace { get; init; }

    public string LogFormat { get; init; } = "text";

    /// <summary>klog-style verbosity, as cert-manager's -v; see <see cref="Hosting.LogVerbosity"/>.</summary>
    public int LogVerbosity { get; init; } = Hosting.LogVerbosity.Default;

    /// <summary>Where /livez, /readyz and /healthz listen (cert-manager's 9403); null for nowhere.</summary>
    public IPEndPoint? HealthListenAddress { get; init; } = new(IPAddress.Any, 9403);

    /// <summary>Where /metrics listens (cert-manager's 9402); null for nowhere.</summary>
    public IPEndPoint? MetricsListenAddress { get; init; } = new(IPAddress.Any, 9402);

    public int MaxConcurrentChallenges { get; init; } = 60;

    public IReadOnlyList<string> Dns01RecursiveNameservers { get; init; } = [];

    /// <summary>cert-manager's --cluster-issuer-ambient-credentials (default true).</summary>
    public bool ClusterIssuerAmbientCredentials { get; init; } = true;

    /// <summary>cert-manager's --issuer-ambient-credentials (default false).</summary>
    public bool IssuerAmbientCredentials { get; init; }

    /// <summary>DNS-01 providers' API base URLs overriding their public endpoints, by `dns01` field name.</summary>
    public IReadOnlyDictionary<string, Uri> Dns01ProviderEndpoints { get; init; } = new Dictionary<string, Uri>();

    public string SolverImage { get; init; } = "certoperator:dev";

    public string? Http01SelfCheckHost { get; init; }

    public int Http01SelfCheckPort { get; init; } = 80;

    /// <summary>Issuer for Ingresses annotated only `kubernetes.io/tls-acme: "true"`; null leaves them unmanaged with a Warning event.</summary>
    public string? DefaultIssuerName { get; init; }

    public string DefaultIssuerKind { get; init; } = "Issuer";

    public string DefaultIssuerGroup { get; init; } = "cert-manager.io";

    /// <summary>cert-manager's --auto-certificate-annotations: Ingress annotations that, set to true, select the default issuer.</summary>
    public IReadOnlyList<string> AutoCertificateAnnotations { get; init; } = ["kubernetes.io/tls-acme"];

    /// <summary>cert-manager's --extra-certificate-annotations: Ingress annotations copied onto shim Certificates.</summary>
    public IReadOnlyList<string> ExtraCertificateAnnotations { get; init; } = [];

    /// <summary>cert-manager's --enable-gateway-api: watch gateway.networking.k8s.io/v1 Gateways (their CRDs must be installed).</summary>
    public bool EnableGatewayApi { get; init; }

    /// <summary>cert-manager's --gateway-api-extra-protocols: listener protocols besides HTTPS and TLS that get Certificates.</summary>
    public IReadOnlyList<string> GatewayApiExtraProtocols { get; init; } = [];

    /// <summary>Run cert-manager's cainjector controllers (inject-ca-from annotations) in this process.</summary>
    public bool EnableCaInjector { get; init; } = true;

    /// <summary>cert-manager's `--feature-gates`.</summary>
    public FeatureGates FeatureGates { get; init; } = FeatureGates.Default;
}
