namespace CertOperator.Kubernetes.Model;

/// <summary>metav1.OwnerReference: ties an object's lifetime (and our reconcile mapping) to its owner.</summary>
public sealed class OwnerReference
{
    public required string ApiVersion { get; set; }

    public required string Kind { get; set; }

    public required string Name { get; set; }

    public required string Uid { get; set; }

    public bool? Controller { get; set; }

    public bool? BlockOwnerDeletion { get; set; }
}
