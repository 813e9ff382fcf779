using CertOperator.Kubernetes.Controllers;
using Prometheus;

namespace CertOperator.Metrics;

/// <summary>cert-manager's per-controller sync counters, fed by the controller wiring's reconcile hook.</summary>
internal sealed class SyncMetrics(OperatorMetrics metrics) : IReconcileObserver
{
    private readonly Counter _calls = metrics.Factory.CreateCounter(
        "certmanager_controller_sync_call_count",
        "The number of sync() calls made by a controller. Label: controller (fixed small set of controller names).",
        ["controller"]);

    private readonly Counter _errors = metrics.Factory.CreateCounter(
        "certmanager_controller_sync_error_count",
        "The number of errors encountered during controller sync(). Label: controller. Use with controller_sync_call_count to derive error rates.",
        ["controller"]);

    public void ReconcileStarted(string controller) => _calls.WithLabels(controller).Inc();

    public void ReconcileFailed(string controller) => _errors.WithLabels(controller).Inc();
}
