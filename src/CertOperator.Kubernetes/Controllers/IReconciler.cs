namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// Brings the world in line with the object named by <c>key</c>: read current state (from informer caches),
/// act, return. It gets the key only, never the event, so it must work from any starting point.
/// </summary>
public interface IReconciler
{
    /// <summary>Throwing (or returning <see cref="ReconcileResult.Error"/>) retries the key with per-key exponential backoff.</summary>
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct);
}
