namespace CertOperator.Kubernetes.Client;

/// <summary>metav1.DeleteOptions: cascading policy and preconditions that make a delete safe against races.</summary>
public sealed class DeleteOptions
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "DeleteOptions";

    /// <summary>"Orphan", "Background" or "Foreground".</summary>
    public string? PropagationPolicy { get; set; }

    public long? GracePeriodSeconds { get; set; }

    public DeletePreconditions? Preconditions { get; set; }
}
