namespace CertOperator.Kubernetes.Model;

/// <summary>Where an HTTPRoute rule sends requests: a Service (empty group, kind `Service`) and port, with a weight.</summary>
public sealed class HttpBackendRef
{
    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string Name { get; set; } = "";

    public string? Namespace { get; set; }

    public int? Port { get; set; }

    public int? Weight { get; set; }
}
