namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 NamespaceStatus: lifecycle phase and conditions.</summary>
public sealed class NamespaceStatus
{
    public string? Phase { get; set; }

    public List<Condition>? Conditions { get; set; }
}
