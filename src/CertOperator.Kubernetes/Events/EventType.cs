namespace CertOperator.Kubernetes.Events;

/// <summary>core/v1 Event type.</summary>
public enum EventType
{
    Normal,
    Warning,
}
