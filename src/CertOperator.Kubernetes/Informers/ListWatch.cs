using System.Text.Json.Serialization.Metadata;
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

    /// <summary>Full objects; managedFields are skipped while reading unless the kind's cache reads them.</summary>
    public static ListWatch<TObject> Objects<TObject>(KubernetesClient client, string? ns)
        where TObject : class, IKubernetesObject<TObject>
    {
        var (list, item) = TObject.CacheReadsManagedFields
            ? (TObject.ListJsonTypeInfo, TObject.JsonTypeInfo)
            : (WithoutManagedFields.Of(TObject.ListJsonTypeInfo), WithoutManagedFields.Of(TObject.JsonTypeInfo));
        return From(TObject.Resource, TObject.Resource.Plural, ns, ApiRequest.Json, list, ApiRequest.Json, item, client);
    }

    /// <summary>Metadata only, without managedFields.</summary>
    public static ListWatch<PartialObjectMetadata> Metadata(KubernetesClient client, ResourceType resource, string? ns) =>
        From(resource, resource.Plural + " (metadata)", ns,
            KubernetesClient.MetadataListAccept, WithoutManagedFields.Of(KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata),
            KubernetesClient.MetadataAccept, WithoutManagedFields.Of(KubernetesJsonContext.Default.PartialObjectMetadata), client);

    private static ListWatch<TItem> From<TItem>(
        ResourceType resource, string description, string? ns, string listAccept, JsonTypeInfo<KubernetesList<TItem>> list, string watchAccept, JsonTypeInfo<TItem> item, KubernetesClient client)
        where TItem : class =>
        new(
            description,
            (rv, ct) => KubernetesClient.MergePagesAsync(client.PagesAsync(resource, ns, new ListOptions { Limit = PageSize, ResourceVersion = rv }, listAccept, list, ct)),
            (rv, ct) => client.WatchCoreAsync(resource, ns, Options(rv), watchAccept, item, ct));

    private static WatchOptions Options(string? resourceVersion) =>
        new() { ResourceVersion = resourceVersion, AllowBookmarks = true, Timeout = WatchTimeout };
}
