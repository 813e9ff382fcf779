namespace CertOperator.Kubernetes.Model;

/// <summary>
/// A status condition in the shape cert-manager and metav1.Condition share: type, status
/// ("True", "False", "Unknown"), reason, message, lastTransitionTime, observedGeneration.
/// </summary>
public sealed class Condition
{
    public required string Type { get; set; }

    public required string Status { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    public long? ObservedGeneration { get; set; }
}
