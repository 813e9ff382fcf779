using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Informers;

/// <summary>A list-then-watch cache of one kind with indexes and change handlers.</summary>
public interface IInformer<T>
    where T : class, IKubernetesObject
{
    IObjectStore<T> Store { get; }

    /// <summary>True once the first list has been stored.</summary>
    bool HasSynced { get; }

    Task WaitForSyncAsync(CancellationToken ct);

    /// <summary>Adds a secondary index, e.g. Certificates by "namespace/secretName".</summary>
    void AddIndex(string name, Func<T, IEnumerable<string>> indexFunction);

    /// <summary>Adds a change handler; objects already cached are delivered to it as adds.</summary>
    void AddEventHandler(InformerHandler<T> handler);

    /// <summary>Lists, then watches (re-listing after 410 Expired) until <paramref name="ct"/> is cancelled.</summary>
    Task RunAsync(CancellationToken ct);
}
