namespace CertOperator.Kubernetes.Controllers;

/// <summary>What a reconcile asks for next: nothing, a timed requeue, or a retry with backoff after an error.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult()
    {
    }

    public static ReconcileResult Done { get; } = new();

    public TimeSpan? RequeueDelay { get; private init; }

    public string? ErrorMessage { get; private init; }

    /// <summary>Run again after <paramref name="delay"/> (e.g. at a renewal time) even if nothing changes.</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay) => new() { RequeueDelay = delay };

    /// <summary>A failure that should be retried with per-key exponential backoff, without throwing.</summary>
    public static ReconcileResult Error(string message) => new() { ErrorMessage = message };
}
