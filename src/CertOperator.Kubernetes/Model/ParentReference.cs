namespace CertOperator.Kubernetes.Model;

/// <summary>Gateway API's reference from a route to the Gateway (or one of its listeners) it attaches to.</summary>
public sealed record ParentReference
{
    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Namespace { get; init; }

    public string Name { get; init; } = "";

    public string? SectionName { get; init; }

    public int? Port { get; init; }
}
