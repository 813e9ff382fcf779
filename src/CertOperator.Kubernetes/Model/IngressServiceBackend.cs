namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 IngressServiceBackend: a Service and one of its ports, by number or name.</summary>
public sealed class IngressServiceBackend
{
    public string Name { get; set; } = "";

    public ServiceBackendPort Port { get; set; } = new();
}
