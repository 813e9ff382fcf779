namespace CertOperator.Kubernetes.Model;

/// <summary>A Service port by name or number.</summary>
public sealed class ServiceBackendPort
{
    public string? Name { get; set; }

    public int? Number { get; set; }
}
