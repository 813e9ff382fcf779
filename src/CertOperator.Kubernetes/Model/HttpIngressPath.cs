namespace CertOperator.Kubernetes.Model;

/// <summary>A path (Exact, Prefix or ImplementationSpecific) and where it goes.</summary>
public sealed class HttpIngressPath
{
    public string? Path { get; set; }

    public string? PathType { get; set; }

    public IngressBackend Backend { get; set; } = new();
}
