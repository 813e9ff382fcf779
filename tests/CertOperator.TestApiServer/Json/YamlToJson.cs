using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertOperator.TestApiServer.Json;

/// <summary>Converts YAML documents to JSON trees, inferring plain scalar types like YAML 1.2 core schema.</summary>
internal static class YamlToJson
{
    public static IReadOnlyList<JsonNode?> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        // Re-parse so every value is JsonElement-backed and reads back with any numeric type.
        return stream.Documents.Select(d => Convert(d.RootNode)).Where(n => n is not null).Select(n => JsonNode.Parse(n!.ToJsonString())).ToList();
    }

    public static JsonNode? ParseSingle(string yaml)
    {
        var trimmed = yaml.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return JsonNode.Parse(yaml);
        }

        var docs = ParseDocuments(yaml);
        return docs.Count == 0 ? null : docs[0];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            obj[((YamlScalarNode)key).Value ?? ""] = Convert(value);
        }

        return obj;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when LooksNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }

    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit);
}
