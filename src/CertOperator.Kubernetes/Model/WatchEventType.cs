namespace CertOperator.Kubernetes.Model;

/// <summary>The `type` of one watch stream line.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}
