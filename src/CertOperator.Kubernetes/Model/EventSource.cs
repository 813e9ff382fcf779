namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 EventSource: the component (and host) that reported an Event.</summary>
public sealed class EventSource
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}
