using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Admission;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Selectors;
using CertOperator.TestApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace CertOperator.TestApiServer.Api;

/// <summary>Maps HTTP verbs, query options and Accept shapes onto <see cref="ResourceService"/>.</summary>
internal sealed class ResourceEndpoint(ServerContext ctx, ResourceService service, WatchStreamer watches)
{
    public async Task HandleAsync(HttpContext http, ResourceRequest request, CancellationToken ct)
    {
        var type = request.Type;
        if (request is { Subresource: "token", Name: { } account } && type.Plural == "serviceaccounts" && type.Group.Length == 0 && http.Request.Method == "POST")
        {
            var serviceAccount = service.Get(type, request.Namespace, account);
            await ServiceAccountTokens.HandleAsync(http, ctx, serviceAccount, await ReadObjectAsync(http, ct), ct);
            return;
        }

        if (request.Subresource is { } sub && (sub != "status" || !type.HasStatus))
        {
            throw ApiException.NotFound(type, request.Name ?? "");
        }

        if (request.Namespace is null && type.Namespaced && request.Name is not null)
        {
            throw ApiException.NotFound(type, request.Name);
        }

        var query = http.Request.Query;
        var format = AcceptHeader.Parse(http.Request.Headers.Accept.ToString());
        switch (http.Request.Method)
        {
            case "GET" when request.WatchPath || query["watch"] is ["true"] or ["1"]:
                var fieldText = request.Name is null ? query["fieldSelector"].ToString() : $"metadata.name={request.Name}";
                var watch = new WatchStreamer.WatchRequest(request, format, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(fieldText, type.Kind), query["includeObject"].ToString());
                await watches.StreamAsync(http, watch, ct);
                return;
            case "GET" when request.Name is not null:
                await WriteObjectAsync(http, 200, request, service.Get(type, request.Namespace, request.Name), format, ct);
                return;
            case "GET":
                await WriteListAsync(http, request, format, ct);
                return;
            case "POST" when request.Name is null:
                var body = await ReadObjectAsync(http, ct);
                var (created, _) = await AdmitAsync(request, Options(http), o => (service.Create(type, request.Namespace, (JsonObject)body.DeepClone(), o), true), ct);
                await WriteObjectAsync(http, 201, request, created, format, ct);
                return;
            case "PUT" when request.Name is not null:
                var options = Options(http);
                var replacement = await ReadObjectAsync(http, ct);
                var (updated, _) = await AdmitAsync(request, options, o => (service.Update(type, request.Namespace, request.Name, request.Subresource, (JsonObject)replacement.DeepClone(), o), false), ct);
                await WriteObjectAsync(http, 200, request, updated, format, ct, options);
                return;
            case "PATCH" when request.Name is not null:
                var patchOptions = Options(http);
                var contentType = (http.Request.ContentType ?? "").Split(';')[0].Trim();
                var patchBody = await ReadBytesAsync(http, ct);
                var (patched, wasCreated) = await AdmitAsync(request, patchOptions, o => service.Patch(type, request.Namespace, request.Name, request.Subresource, contentType, patchBody, o), ct);
                await WriteObjectAsync(http, wasCreated ? 201 : 200, request, patched, format, ct, patchOptions);
                return;
            case "DELETE" when request.Name is not null:
                var result = service.Delete(type, request.Namespace, request.Name, await DeleteOptionsAsync(http, ct));
                await WriteObjectAsync(http, 200, request, result, result["kind"]?.ToString() == "Status" ? ResponseFormat.Full : format, ct);
                return;
            case "DELETE":
                await DeleteCollectionAsync(http, request, ct);
                return;
            default:
                throw ApiException.MethodNotAllowed();
        }
    }

    /// <summary>
    /// Admission webhooks see the object as it would be stored (a dry run of the write). Unchanged by mutating
    /// webhooks, the write then runs as asked; patched, the patched object is stored as a create or as an update
    /// guarded by the resourceVersion the webhooks saw.
    /// </summary>
    private async Task<(JsonObject Object, bool Created)> AdmitAsync(
        ResourceRequest request, WriteOptions options, Func<WriteOptions, (JsonObject Object, bool Created)> write, CancellationToken ct)
    {
        var type = request.Type;
        if (type.Group == "admissionregistration.k8s.io" || !WebhookConfigurations.Any(ctx))
        {
            return write(options);
        }

        var old = request.Name is null ? null : ctx.Store.Get(type.StorageKey, request.Namespace ?? "", request.Name);
        var (candidate, created) = write(options with { DryRun = true });
        options.Warnings.Clear();
        var attempt = new AdmissionAttempt(type, request.Namespace, JsonNodes.Name(candidate), request.Subresource, created ? "CREATE" : "UPDATE", candidate, created ? null : old, options.DryRun);
        var admitted = await AdmissionWebhooks.AdmitAsync(ctx, attempt, ct);
        if (ReferenceEquals(admitted, candidate))
        {
            return write(options);
        }

        if (created)
        {
            return (service.Create(type, request.Namespace, admitted, options), true);
        }

        JsonNodes.Metadata(admitted)["resourceVersion"] = JsonNodes.Str(old, "metadata", "resourceVersion");
        return (service.Update(type, request.Namespace, attempt.Name, request.Subresource, admitted, options), false);
    }

    private async Task WriteListAsync(HttpContext http, ResourceRequest request, ResponseFormat format, CancellationToken ct)
    {
        var query = http.Request.Query;
        var type = request.Type;
        // resourceVersion=0 ("any") is answered from kube-apiserver's watch cache, which ignores limit: one page, no continue.
        var limit = query["resourceVersion"] != "0" && int.TryParse(query["limit"], System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : 0;
        var options = new ResourceService.ListOptions(LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], type.Kind), limit, query["continue"]);
        var list = service.List(type, request.Namespace, options);
        var listMeta = new JsonObject { ["resourceVersion"] = list.ResourceVersion };
        if (list.Continue is not null)
        {
            listMeta["continue"] = list.Continue;
            listMeta["remainingItemCount"] = list.Remaining;
        }

        switch (format)
        {
            case ResponseFormat.Table:
                var table = TableBuilder.Build(type, list.Items, ctx.Clock.GetUtcNow(), query["includeObject"].ToString(), withColumns: true);
                table["metadata"] = listMeta;
                await JsonResponses.WriteAsync(http, 200, table, ct);
                break;
            case ResponseFormat.Metadata:
                await JsonResponses.WriteListAsync(http, "meta.k8s.io/v1", "PartialObjectMetadataList", listMeta, list.Items.Select(PartialMetadata.Of), nullWhenEmpty: true, ct);
                break;
            default:
                await JsonResponses.WriteListAsync(http, type.GroupVersion, type.ListKind, listMeta, list.Items, nullWhenEmpty: false, ct);
                break;
        }
    }

    private async Task DeleteCollectionAsync(HttpContext http, ResourceRequest request, CancellationToken ct)
    {
        var query = http.Request.Query;
        var type = request.Type;
        var options = await DeleteOptionsAsync(http, ct);
        var list = service.List(type, request.Namespace, new ResourceService.ListOptions(LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], type.Kind), 0, null));
        foreach (var item in list.Items)
        {
            try
            {
                service.Delete(type, JsonNodes.Namespace(item) is { Length: > 0 } ns ? ns : null, JsonNodes.Name(item), options);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone; deletecollection is best effort per item.
            }
        }

        await JsonResponses.WriteAsync(http, 200, StatusObjects.Success(new JsonObject { ["kind"] = type.Plural }), ct);
    }

    private async Task WriteObjectAsync(HttpContext http, int status, ResourceRequest request, JsonObject obj, ResponseFormat format, CancellationToken ct, WriteOptions? options = null)
    {
        foreach (var warning in options?.Warnings ?? [])
        {
            http.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        JsonNode body = format switch
        {
            ResponseFormat.Metadata => PartialMetadata.Of(obj),
            ResponseFormat.Table => TableBuilder.Build(request.Type, [obj], ctx.Clock.GetUtcNow(), http.Request.Query["includeObject"].ToString(), withColumns: true),
            _ => obj,
        };
        await JsonResponses.WriteAsync(http, status, body, ct);
    }

    private static WriteOptions Options(HttpContext http)
    {
        var query = http.Request.Query;
        var manager = query["fieldManager"].ToString();
        var given = manager.Length > 0;
        if (!given)
        {
            var agent = http.Request.Headers.UserAgent.ToString();
            manager = agent.Length == 0 ? "unknown" : agent.Split('/')[0];
        }

        var validation = query["fieldValidation"].ToString();
        return new WriteOptions(manager, validation.Length == 0 ? "Warn" : validation, query["force"] == "true", given, query["dryRun"] == "All");
    }

    private static async Task<byte[]> ReadBytesAsync(HttpContext http, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext http, CancellationToken ct)
    {
        var contentType = http.Request.ContentType ?? "application/json";
        var bytes = await ReadBytesAsync(http, ct);
        if (contentType.StartsWith("application/vnd.kubernetes.protobuf", StringComparison.Ordinal))
        {
            return KubeProtobuf.Decode(bytes) ?? throw ApiException.UnsupportedMediaType(contentType);
        }

        var parsed = contentType.StartsWith("application/yaml", StringComparison.Ordinal)
            ? YamlToJson.ParseSingle(System.Text.Encoding.UTF8.GetString(bytes))
            : JsonNodes.Parse(bytes);
        return parsed as JsonObject ?? throw ApiException.BadRequest("the request body must be an object");
    }

    private static async Task<ResourceService.DeleteOptions> DeleteOptionsAsync(HttpContext http, CancellationToken ct)
    {
        var bytes = await ReadBytesAsync(http, ct);
        var body = bytes.Length == 0 ? null : JsonNodes.Parse(bytes) as JsonObject;
        var query = http.Request.Query;
        var policy = JsonNodes.Str(body, "propagationPolicy") ?? (query["propagationPolicy"].ToString() is { Length: > 0 } p ? p : null);
        if (body?["orphanDependents"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            policy ??= "Orphan";
        }

        var dryRun = query["dryRun"] == "All" || body?["dryRun"] is JsonArray { Count: > 0 };
        return new ResourceService.DeleteOptions(policy, JsonNodes.Str(body, "preconditions", "uid"), JsonNodes.Str(body, "preconditions", "resourceVersion"), dryRun);
    }
}
