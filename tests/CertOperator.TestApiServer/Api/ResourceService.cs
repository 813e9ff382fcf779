using System.Text;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Selectors;
using CertOperator.TestApiServer.Storage;

namespace CertOperator.TestApiServer.Api;

/// <summary>The REST verbs over storage, independent of HTTP. This part holds reads.</summary>
internal sealed partial class ResourceService(ServerContext ctx)
{
    private ObjectStore Store => ctx.Store;

    public sealed record ListOptions(LabelSelector Labels, FieldSelector Fields, int Limit, string? Continue);

    public sealed record ListResult(IReadOnlyList<JsonObject> Items, string ResourceVersion, string? Continue, long? Remaining);

    public JsonObject Get(ResourceType type, string? ns, string name) =>
        View(type, Store.Get(type.StorageKey, ns ?? "", name) ?? throw ApiException.NotFound(type, name));

    public ListResult List(ResourceType type, string? ns, ListOptions options)
    {
        var rv = Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var afterKey = options.Continue is { Length: > 0 } token ? DecodeContinue(token) : null;
        var matching = Store.List(type.StorageKey, ns, afterKey)
            .Where(p => Matches(p.Object, options.Labels, options.Fields))
            .ToList();
        if (options.Limit <= 0 || matching.Count <= options.Limit)
        {
            return new ListResult(matching.Select(p => View(type, p.Object)).ToList(), rv, null, null);
        }

        var page = matching.Take(options.Limit).ToList();
        return new ListResult(page.Select(p => View(type, p.Object)).ToList(), rv, EncodeContinue(page[^1].Key), matching.Count - page.Count);
    }

    public static bool Matches(JsonObject obj, LabelSelector labels, FieldSelector fields) =>
        fields.Matches(obj) && labels.Matches(Labels(obj));

    public static Dictionary<string, string> Labels(JsonObject obj) =>
        JsonNodes.StringMap(obj["metadata"]?["labels"]).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>
    /// Objects are stored in the version they were written in; reads through another version only
    /// relabel apiVersion. Schema defaults are applied on read too, as for objects written before a
    /// CRD gained a default.
    /// </summary>
    public static JsonObject View(ResourceType type, JsonObject stored)
    {
        if (JsonNodes.Str(stored, "apiVersion") == type.GroupVersion && !type.HasDefaults)
        {
            return stored;
        }

        var copy = (JsonObject)stored.DeepClone();
        copy["apiVersion"] = type.GroupVersion;
        if (type.HasDefaults)
        {
            Schema.SchemaDefaulter.Apply(copy, type.Schema);
        }

        return copy;
    }

    private static string EncodeContinue(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["start"] = lastKey }.ToJsonString()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeContinue(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return JsonNodes.Str(JsonNode.Parse(Convert.FromBase64String(padded)), "start") ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw ApiException.BadRequest("continue key is not valid: " + e.Message);
        }
    }

    private void EnsureNamespaceWritable(ResourceType type, string? ns)
    {
        if (!type.Namespaced)
        {
            return;
        }

        var nsObj = Store.Get(BuiltInTypes.Namespaces.StorageKey, "", ns ?? "") ?? throw ApiException.NamespaceNotFound(ns ?? "");
        if (nsObj["metadata"]?["deletionTimestamp"] is not null)
        {
            throw ApiException.Forbidden(
                $"{type.Plural} \"\" is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                new JsonObject { ["kind"] = type.Plural });
        }
    }
}
