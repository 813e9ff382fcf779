namespace CertOperator.Kubernetes.Model;

/// <summary>metav1.StatusDetails: which object a failure concerns and the per-field causes.</summary>
public sealed class StatusDetails
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public List<StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}
