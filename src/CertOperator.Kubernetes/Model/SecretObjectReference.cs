namespace CertOperator.Kubernetes.Model;

/// <summary>Gateway API's reference to a Secret-like object; an empty group is the core group.</summary>
public sealed class SecretObjectReference
{
    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string Name { get; set; } = "";

    public string? Namespace { get; set; }
}
