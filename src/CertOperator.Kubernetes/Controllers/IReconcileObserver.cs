namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// Told about every reconcile a controller runs, e.g. to count them as metrics. Called on worker threads,
/// so it must be thread-safe and quick.
/// </summary>
public interface IReconcileObserver
{
    /// <summary>A worker is about to reconcile one key of <paramref name="controller"/>.</summary>
    void ReconcileStarted(string controller);

    /// <summary>That reconcile returned an error or threw; the key is retried with backoff.</summary>
    void ReconcileFailed(string controller);
}
