using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Client;

public sealed partial class KubernetesClient
{
    internal const string MetadataListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
    internal const string MetadataAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

    /// <summary>
    /// Streams changes after <see cref="WatchOptions.ResourceVersion"/>. Ends when the server closes the stream;
    /// throws <see cref="WatchExpiredException"/> when that resourceVersion is too old (relist, then watch again).
    /// </summary>
    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? ns = null, WatchOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> =>
        WatchCoreAsync(T.Resource, ns, options, ApiRequest.Json, T.JsonTypeInfo, ct);

    /// <summary>Lists only metadata (no spec, data or status) of every <typeparamref name="T"/>, all pages.</summary>
    public Task<KubernetesList<PartialObjectMetadata>> ListMetadataAsync<T>(string? ns = null, ListOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => ListMetadataAsync(T.Resource, ns, options, ct);

    public Task<KubernetesList<PartialObjectMetadata>> ListMetadataAsync(ResourceType resource, string? ns = null, ListOptions? options = null, CancellationToken ct = default) =>
        MergePagesAsync(PagesAsync(resource, ns, options, MetadataListAccept, KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata, ct));

    internal async IAsyncEnumerable<WatchEvent<TItem>> WatchCoreAsync<TItem>(
        ResourceType resource, string? ns, WatchOptions? options, string accept, JsonTypeInfo<TItem> typeInfo, [EnumeratorCancellation] CancellationToken ct)
        where TItem : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        var query = new QueryString()
            .Add("watch", "true")
            .Add("resourceVersion", options?.ResourceVersion)
            .Add("allowWatchBookmarks", options?.AllowBookmarks != false ? "true" : null)
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector)
            .Add("timeoutSeconds", options?.Timeout is { } t ? ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null);
        var request = new ApiRequest(HttpMethod.Get, resource.CollectionPath(ns) + query) { Accept = accept };
        var operation = $"watch {resource.Plural}";
        using var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return WatchLineParser.Parse(line, typeInfo, operation);
            }
        }
    }
}
