namespace CertOperator.Infrastructure;

/// <summary>Settings of one operator process, from the `run` verb's flags and environment.</summary>
internal sealed record OperatorOptions
{
    /// <summary>Where ClusterIssuers' Secrets (CA key pairs, ACME account keys) live, like cert-manager's --cluster-resource-namespace.</summary>
    public required string ClusterResourceNamespace { get; init; }

    /// <summary>Workers per controller.</summary>
    public int Concurrency { get; init; } = 5;
}
