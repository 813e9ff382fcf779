using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertOperator.Crds.Tests.Support;

/// <summary>Indented JSON with object keys sorted, so two trees compare as text and a difference shows as a readable diff.</summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Format(JsonNode? node) => Sort(node)?.ToJsonString(Indented) ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
