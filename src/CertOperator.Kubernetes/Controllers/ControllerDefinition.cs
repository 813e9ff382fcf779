using CertOperator.Kubernetes.Informers;
using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Controllers;

/// <summary>A built controller declaration; the <see cref="ControllerManager"/> wires it to shared informers and a queue.</summary>
public sealed class ControllerDefinition
{
    private readonly IReconciler _reconciler;
    private readonly Action<SharedInformerFactory, Action<ObjectKey>> _wire;

    internal ControllerDefinition(string name, int concurrency, IReconciler reconciler, Action<SharedInformerFactory, Action<ObjectKey>> wire)
    {
        Name = name;
        Concurrency = concurrency;
        _reconciler = reconciler;
        _wire = wire;
    }

    public string Name { get; }

    public int Concurrency { get; }

    internal Controller Create(SharedInformerFactory informers, TimeProvider time, IReconcileObserver? observer, ILoggerFactory loggers)
    {
        var queue = new WorkQueue(time);
        _wire(informers, queue.Add);
        return new Controller(Name, _reconciler, Concurrency, queue, observer, loggers.CreateLogger($"CertOperator.Kubernetes.Controllers.{Name}"));
    }
}
