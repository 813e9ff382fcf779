namespace CertOperator.Kubernetes.Model;

/// <summary>metav1.StatusCause: one reason a request failed, often naming the offending field.</summary>
public sealed class StatusCause
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
