namespace CertOperator.Kubernetes.Configuration;

/// <summary>Where the in-cluster service-account files and variables are; injectable for tests.</summary>
public sealed record InClusterOptions
{
    public const string DefaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public string TokenPath { get; init; } = $"{DefaultDirectory}/token";

    public string CaPath { get; init; } = $"{DefaultDirectory}/ca.crt";

    public string NamespacePath { get; init; } = $"{DefaultDirectory}/namespace";

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
