using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Schema;

/// <summary>
/// Drops fields a structural schema does not declare (unless x-kubernetes-preserve-unknown-fields)
/// and nulls on non-nullable fields, reporting the dropped paths for fieldValidation=Strict/Warn.
/// </summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> ObjectRootFields = ["apiVersion", "kind", "metadata"];

    public static List<string> PruneRoot(JsonObject obj, JsonObject schema)
    {
        var unknown = new List<string>();
        PruneObject(obj, schema, "", unknown, isResourceRoot: true);
        return unknown;
    }

    private static void Prune(JsonNode? node, JsonObject? schema, string path, List<string> unknown)
    {
        if (schema is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, unknown, schema["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true);
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Prune(item, schema["items"] as JsonObject, path, unknown);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> unknown, bool isResourceRoot)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (isResourceRoot && (key == "metadata" || ObjectRootFields.Contains(key) && properties?[key] is null))
            {
                continue;
            }

            var childSchema = properties?[key] as JsonObject ?? additional;
            if (childSchema is null)
            {
                if (!preserve && schema["additionalProperties"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
                {
                    obj.Remove(key);
                    unknown.Add(childPath);
                }

                continue;
            }

            if (obj[key] is null && childSchema["nullable"]?.GetValue<bool>() != true)
            {
                obj.Remove(key);
                continue;
            }

            Prune(obj[key], childSchema, childPath, unknown);
        }
    }

    public static JsonObject? PropertySchema(JsonObject schema, string key) =>
        schema["properties"]?[key] as JsonObject ?? schema["additionalProperties"] as JsonObject;

    public static string? Type(JsonObject schema) => JsonNodes.Str(schema, "type");
}
