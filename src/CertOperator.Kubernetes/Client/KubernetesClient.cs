using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Client;

/// <summary>
/// A typed Kubernetes REST client. Every kind says where it lives and how it serialises through
/// <see cref="IKubernetesObject{TSelf}"/>, so one generic method serves built-in kinds and CRDs alike.
/// </summary>
public sealed partial class KubernetesClient : IDisposable
{
    private readonly ApiTransport _transport;

    public KubernetesClient(
        KubernetesClientConfiguration configuration,
        KubernetesClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<KubernetesClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        _transport = new ApiTransport(
            configuration, options ?? new KubernetesClientOptions(), timeProvider ?? TimeProvider.System, logger ?? NullLogger<KubernetesClient>.Instance);
    }

    public KubernetesClientConfiguration Configuration { get; }

    internal TimeProvider Time => _transport.Time;

    public Task<T> GetAsync<T>(string? ns, string name, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> =>
        SendAsync(new ApiRequest(HttpMethod.Get, T.Resource.ObjectPath(ns, name)), T.JsonTypeInfo, ct);

    /// <summary>Like <see cref="GetAsync{T}"/> but returns null when the object does not exist.</summary>
    public async Task<T?> TryGetAsync<T>(string? ns, string name, CancellationToken ct = default)
        where T : class, IKubernetesObject<T>
    {
        try
        {
            return await GetAsync<T>(ns, name, ct).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>One page; pass the returned metadata.continue back in <see cref="ListOptions.Continue"/> for the next.</summary>
    public Task<KubernetesList<T>> ListAsync<T>(string? ns = null, ListOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> =>
        ListPageAsync(T.Resource, ns, options, ApiRequest.Json, T.ListJsonTypeInfo, ct);

    /// <summary>Every page in turn, following continue tokens.</summary>
    public IAsyncEnumerable<KubernetesList<T>> ListPagesAsync<T>(string? ns = null, ListOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> =>
        PagesAsync(T.Resource, ns, options, ApiRequest.Json, T.ListJsonTypeInfo, ct);

    /// <summary>All pages merged into one list whose resourceVersion is the snapshot the pages were read at.</summary>
    public Task<KubernetesList<T>> ListAllAsync<T>(string? ns = null, ListOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> =>
        MergePagesAsync(PagesAsync(T.Resource, ns, options, ApiRequest.Json, T.ListJsonTypeInfo, ct));

    public Task<T> CreateAsync<T>(T item, CancellationToken ct = default)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(item);
        var request = new ApiRequest(HttpMethod.Post, T.Resource.CollectionPath(item.Metadata.NamespaceProperty)) { Body = Serialize(item), ContentType = ApiRequest.Json };
        return SendAsync(request, T.JsonTypeInfo, ct);
    }

    /// <summary>PUT the whole object; fails with 409 Conflict if metadata.resourceVersion is stale.</summary>
    public Task<T> ReplaceAsync<T>(T item, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => Put(item, string.Empty, ct);

    public Task<T> ReplaceStatusAsync<T>(T item, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => Put(item, "/status", ct);

    public async Task DeleteAsync<T>(string? ns, string name, DeleteOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T>
    {
        var body = options is null ? null : JsonSerializer.SerializeToUtf8Bytes(options, KubernetesJsonContext.Default.DeleteOptions);
        var request = new ApiRequest(HttpMethod.Delete, T.Resource.ObjectPath(ns, name)) { Body = body, ContentType = body is null ? null : ApiRequest.Json };
        using var timeout = _transport.StartTimeout(ct);
        try
        {
            using var response = await _transport.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw _transport.TimedOut(request);
        }
    }

    /// <summary>Like <see cref="DeleteAsync{T}"/> but treats an object that is already gone as deleted; false in that case.</summary>
    public async Task<bool> TryDeleteAsync<T>(string? ns, string name, DeleteOptions? options = null, CancellationToken ct = default)
        where T : class, IKubernetesObject<T>
    {
        try
        {
            await DeleteAsync<T>(ns, name, options, ct).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    private Task<T> Put<T>(T item, string subresource, CancellationToken ct)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(item);
        var path = T.Resource.ObjectPath(item.Metadata.NamespaceProperty, NameOf(item)) + subresource;
        return SendAsync(new ApiRequest(HttpMethod.Put, path) { Body = Serialize(item), ContentType = ApiRequest.Json }, T.JsonTypeInfo, ct);
    }

    internal async Task<KubernetesList<TItem>> ListPageAsync<TItem>(
        ResourceType resource, string? ns, ListOptions? options, string accept, JsonTypeInfo<KubernetesList<TItem>> typeInfo, CancellationToken ct)
    {
        var query = new QueryString()
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector)
            .Add("limit", options?.Limit > 0 ? options.Limit.ToString(CultureInfo.InvariantCulture) : null)
            .Add("continue", options?.Continue)
            .Add("resourceVersion", options?.ResourceVersion);
        return await SendAsync(new ApiRequest(HttpMethod.Get, resource.CollectionPath(ns) + query) { Accept = accept }, typeInfo, ct).ConfigureAwait(false);
    }

    internal async IAsyncEnumerable<KubernetesList<TItem>> PagesAsync<TItem>(
        ResourceType resource, string? ns, ListOptions? options, string accept, JsonTypeInfo<KubernetesList<TItem>> typeInfo, [EnumeratorCancellation] CancellationToken ct)
    {
        var page = options ?? new ListOptions();
        while (true)
        {
            var list = await ListPageAsync(resource, ns, page, accept, typeInfo, ct).ConfigureAwait(false);
            yield return list;
            if (string.IsNullOrEmpty(list.Metadata.ContinueProperty))
            {
                yield break;
            }

            page = page with { Continue = list.Metadata.ContinueProperty, ResourceVersion = null };
        }
    }

    internal static async Task<KubernetesList<TItem>> MergePagesAsync<TItem>(IAsyncEnumerable<KubernetesList<TItem>> pages)
    {
        KubernetesList<TItem>? merged = null;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            if (merged is null)
            {
                merged = page;
            }
            else
            {
                merged.Items.AddRange(page.Items);
            }
        }

        merged!.Metadata.ContinueProperty = null;
        return merged;
    }

    private async Task<TResult> SendAsync<TResult>(ApiRequest request, JsonTypeInfo<TResult> typeInfo, CancellationToken ct)
    {
        using var timeout = _transport.StartTimeout(ct);
        try
        {
            using var response = await _transport.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, timeout.Token).ConfigureAwait(false)
                    ?? throw new KubernetesApiException($"{request.Method} {request.Path}: empty response body");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw _transport.TimedOut(request);
        }
    }

    private static byte[] Serialize<T>(T item)
        where T : class, IKubernetesObject<T>
    {
        item.ApiVersion ??= T.Resource.ApiVersion;
        item.Kind ??= T.Resource.Kind;
        return JsonSerializer.SerializeToUtf8Bytes(item, T.JsonTypeInfo);
    }

    private static string NameOf(IKubernetesObject item) =>
        item.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(item));

    public void Dispose() => _transport.Dispose();
}
