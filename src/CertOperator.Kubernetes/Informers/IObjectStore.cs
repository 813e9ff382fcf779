namespace CertOperator.Kubernetes.Informers;

/// <summary>A read-only view of an informer's cache. Objects are shared: never mutate them.</summary>
public interface IObjectStore<out T>
    where T : class
{
    int Count { get; }

    T? Find(ObjectKey key);

    IReadOnlyList<T> List();

    /// <summary>Objects whose index function returned <paramref name="value"/> for index <paramref name="indexName"/>.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);
}
