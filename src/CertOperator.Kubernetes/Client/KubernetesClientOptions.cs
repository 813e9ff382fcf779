namespace CertOperator.Kubernetes.Client;

/// <summary>Client-side throttling and retry bounds (defaults match controller-runtime: 20 QPS, burst 30).</summary>
public sealed record KubernetesClientOptions
{
    public double Qps { get; init; } = 20;

    public int Burst { get; init; } = 30;

    /// <summary>How many times a 429 (or a 5xx with Retry-After) is retried before the error is thrown.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Upper bound on any single Retry-After wait.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout for one non-watch call, including its Retry-After waits and reading the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
