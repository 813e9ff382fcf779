using System.Text.Json.Nodes;
using CertOperator.Yaml;

namespace CertOperator.Generation;

/// <summary>
/// Writes a generated manifest tree as YAML: keys come pre-sorted, strings that would read back
/// as another type are quoted, and lines are never folded so diffs stay one line per field.
/// </summary>
internal static class CrdYaml
{
    public static string Serialize(SortedDictionary<string, object> document) => YamlWriter.Write(ToNode(document), quoteAmbiguousStrings: true);

    /// <summary>The builders' trees hold only these types; anything else is a builder bug.</summary>
    private static JsonNode ToNode(object value) => value switch
    {
        SortedDictionary<string, object> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)ToNode(e.Value)))),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        IEnumerable<object> items => new JsonArray([.. items.Select(ToNode)]),
        _ => throw new NotSupportedException($"A generated manifest cannot hold a {value.GetType().Name}."),
    };
}
