namespace CertOperator.Kubernetes.Model;

/// <summary>One watch stream line: an object that was added, modified or deleted, or a bookmark carrying only a resourceVersion.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Item)
    where T : class;
