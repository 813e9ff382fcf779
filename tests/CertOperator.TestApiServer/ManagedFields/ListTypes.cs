using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.ManagedFields;

/// <summary>x-kubernetes-list-type map/set handling shared by ownership tracking and apply merging.</summary>
internal static class ListTypes
{
    /// <summary>The list-map keys when the schema declares <c>x-kubernetes-list-type: map</c>, else null.</summary>
    public static List<string>? MapKeys(JsonObject? schema) =>
        JsonNodes.Str(schema, "x-kubernetes-list-type") == "map" && schema!["x-kubernetes-list-map-keys"] is JsonArray keys
            ? keys.Select(k => k?.ToString() ?? "").Order(StringComparer.Ordinal).ToList()
            : null;

    public static bool IsSet(JsonObject? schema) => JsonNodes.Str(schema, "x-kubernetes-list-type") == "set";

    /// <summary>The FieldsV1 token of a list-map item: <c>k:{"type":"Ready"}</c>.</summary>
    public static string ItemToken(JsonObject item, List<string> keys) =>
        "k:" + new JsonObject(keys.Select(k => KeyValuePair.Create(k, item[k]?.DeepClone()))).ToJsonString(JsonNodes.Compact);

    public static int IndexOf(JsonArray list, JsonObject keyValues) =>
        list.ToList().FindIndex(n => n is JsonObject o && keyValues.All(kv => JsonNode.DeepEquals(o[kv.Key], kv.Value)));
}
