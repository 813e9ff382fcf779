namespace CertOperator.Kubernetes.Client;

/// <summary>Query parameters for a watch; start from the resourceVersion a list returned.</summary>
public sealed record WatchOptions
{
    public string? ResourceVersion { get; init; }

    public bool AllowBookmarks { get; init; } = true;

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Server-side timeout after which the stream ends cleanly and the caller re-watches.</summary>
    public TimeSpan? Timeout { get; init; }
}
