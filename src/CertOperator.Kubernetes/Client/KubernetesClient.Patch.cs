using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Client;

public sealed partial class KubernetesClient
{
    private const string ApplyContentType = "application/apply-patch+yaml";

    public Task<T> PatchAsync<T>(string? ns, string name, Patch patch, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => SendPatch(T.Resource.ObjectPath(ns, name), patch, T.JsonTypeInfo, ct);

    public Task<T> PatchStatusAsync<T>(string? ns, string name, Patch patch, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => SendPatch(T.Resource.ObjectPath(ns, name) + "/status", patch, T.JsonTypeInfo, ct);

    /// <summary>Server-side apply: the server merges the fields in <paramref name="item"/> and records <paramref name="fieldManager"/> as their owner.</summary>
    public Task<T> ApplyAsync<T>(T item, string fieldManager, bool force = false, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => Apply(item, fieldManager, force, string.Empty, ct);

    public Task<T> ApplyStatusAsync<T>(T item, string fieldManager, bool force = false, CancellationToken ct = default)
        where T : class, IKubernetesObject<T> => Apply(item, fieldManager, force, "/status", ct);

    /// <summary>
    /// Server-side apply of a partial object to the status subresource: <paramref name="body"/> holds only the fields
    /// <paramref name="fieldManager"/> owns; fields it owned before and leaves out are removed.
    /// </summary>
    public Task<T> ApplyStatusAsync<T>(string? ns, string name, JsonObject body, string fieldManager, bool force, CancellationToken ct = default)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(fieldManager);
        var query = new QueryString().Add("fieldManager", fieldManager).Add("force", force ? "true" : null);
        var request = new ApiRequest(HttpMethod.Patch, T.Resource.ObjectPath(ns, name) + "/status" + query)
        {
            Body = Encoding.UTF8.GetBytes(body.ToJsonString()),
            ContentType = ApplyContentType,
        };
        return SendAsync(request, T.JsonTypeInfo, ct);
    }

    private Task<T> Apply<T>(T item, string fieldManager, bool force, string subresource, CancellationToken ct)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(fieldManager);
        var query = new QueryString().Add("fieldManager", fieldManager).Add("force", force ? "true" : null);
        var path = T.Resource.ObjectPath(item.Metadata.NamespaceProperty, NameOf(item)) + subresource + query;
        var request = new ApiRequest(HttpMethod.Patch, path) { Body = Serialize(item), ContentType = ApplyContentType };
        return SendAsync(request, T.JsonTypeInfo, ct);
    }

    private Task<T> SendPatch<T>(string path, Patch patch, JsonTypeInfo<T> typeInfo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return SendAsync(new ApiRequest(HttpMethod.Patch, path) { Body = patch.Body, ContentType = patch.ContentType }, typeInfo, ct);
    }
}
