using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Json;

/// <summary>Small helpers over <see cref="JsonNode"/> trees used as the stored object form.</summary>
internal static class JsonNodes
{
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Str(JsonNode? node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = current is JsonObject o ? o[key] : null;
        }

        return current is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    public static string Name(JsonObject obj) => Str(obj, "metadata", "name") ?? "";

    public static string Namespace(JsonObject obj) => Str(obj, "metadata", "namespace") ?? "";

    public static string Uid(JsonObject obj) => Str(obj, "metadata", "uid") ?? "";

    public static IEnumerable<KeyValuePair<string, string>> StringMap(JsonNode? node)
    {
        if (node is not JsonObject map)
        {
            yield break;
        }

        foreach (var (key, value) in map)
        {
            yield return new(key, value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "");
        }
    }

    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        return JsonNode.Parse(ref reader);
    }

    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Renders a value the way Kubernetes validation messages do: strings quoted, others raw.</summary>
    public static string Render(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>()),
        _ => node.ToJsonString(Compact),
    };

    public static double AsDouble(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
