using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Informers;

/// <summary>
/// How an informer lists and watches: full objects or metadata only, for one resource. A list takes the resourceVersion
/// to list at: "0" for any (kube-apiserver answers from its watch cache, whole), null for the latest (read from etcd,
/// page by page).
/// </summary>
internal sealed record ListWatch<T>(
    string Description,
    Func<string?, CancellationToken, Task<KubernetesList<T>>> List,
    Func<string?, CancellationToken, IAsyncEnumerable<WatchEvent<T>>> Watch)
    where T : class
{
    private const int PageSize = 500;
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(5);

    public static ListWatch<TObject> Objects<TObject>(KubernetesClient client, string? ns)
        where TObject : class, IKubernetesObject<TObject> =>
        new(
            TObject.Resource.Plural,
            (rv, ct) => client.ListAllAsync<TObject>(ns, new ListOptions { Limit = PageSize, ResourceVersion = rv }, ct),
            (rv, ct) => client.WatchAsync<TObject>(ns, Options(rv), ct));

    public static ListWatch<PartialObjectMetadata> Metadata(KubernetesClient client, ResourceType resource, string? ns) =>
        new(
            resource.Plural + " (metadata)",
            (rv, ct) => client.ListMetadataAsync(resource, ns, new ListOptions { Limit = PageSize, ResourceVersion = rv }, ct),
            (rv, ct) => client.WatchMetadataAsync(resource, ns, Options(rv), ct));

    private static WatchOptions Options(string? resourceVersion) =>
        new() { ResourceVersion = resourceVersion, AllowBookmarks = true, Timeout = WatchTimeout };
}
