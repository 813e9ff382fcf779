namespace CertOperator.Kubernetes.Client;

/// <summary>Delete only if the object still has this uid / resourceVersion (409 otherwise).</summary>
public sealed class DeletePreconditions
{
    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }
}
