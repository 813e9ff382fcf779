namespace CertOperator.Kubernetes.Configuration;

/// <summary>Which kubeconfig files and context to use; defaults follow kubectl.</summary>
public sealed record KubeconfigOptions
{
    /// <summary>Files to merge (first wins); null means $KUBECONFIG, else ~/.kube/config.</summary>
    public IReadOnlyList<string>? Paths { get; init; }

    /// <summary>A context to use instead of current-context.</summary>
    public string? Context { get; init; }

    /// <summary>Environment lookup, injectable for tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
