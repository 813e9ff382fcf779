namespace CertOperator.Kubernetes.Model;

/// <summary>Which controller implements an IngressClass.</summary>
public sealed class IngressClassSpec
{
    public string? Controller { get; set; }
}
