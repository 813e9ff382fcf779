namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 ServicePort: the Service's port and the pod port (number or name) it forwards to.</summary>
public sealed class ServicePort
{
    public string? Name { get; set; }

    public string? Protocol { get; set; }

    public int Port { get; set; }

    public IntOrString? TargetPort { get; set; }

    public int? NodePort { get; set; }
}
