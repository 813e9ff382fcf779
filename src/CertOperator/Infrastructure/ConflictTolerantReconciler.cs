using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;

namespace CertOperator.Infrastructure;

/// <summary>
/// A 409 on a guarded write means our cache was behind; the newer object is already on its way
/// through the watch, so retry soon instead of climbing the per-key error backoff.
/// </summary>
internal abstract class ConflictTolerantReconciler : IReconciler
{
    private static readonly TimeSpan ConflictRetry = TimeSpan.FromMilliseconds(200);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            return await ReconcileCoreAsync(key, ct);
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            return ReconcileResult.RequeueAfter(ConflictRetry);
        }
    }

    protected abstract Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct);
}
