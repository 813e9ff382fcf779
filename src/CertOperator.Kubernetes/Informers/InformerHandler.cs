namespace CertOperator.Kubernetes.Informers;

/// <summary>Callbacks for cache changes. They run on the informer's loop, so keep them short (enqueue a key).</summary>
public sealed record InformerHandler<T>
    where T : class
{
    public Action<T>? OnAdd { get; init; }

    /// <summary>Old then new object.</summary>
    public Action<T, T>? OnUpdate { get; init; }

    /// <summary>The last known state of the deleted object.</summary>
    public Action<T>? OnDelete { get; init; }
}
