using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.ManagedFields;

/// <summary>
/// Field sets as FieldsV1 paths. A path is its tokens ("f:spec", "f:size", "." for a map's own
/// membership, "v:\"x\"" for a set item, "k:{...}" for a list-map item) joined with '\n'. Lists
/// are atomic unless the schema declares a list type (finalizers are always a set).
/// </summary>
internal static class FieldPaths
{
    private const char Separator = '\n';
    private static readonly HashSet<string> ServerMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"];

    /// <summary>Every owned path of an object with its value (null for "." markers).</summary>
    public static Dictionary<string, JsonNode?> Leaves(JsonObject obj, bool withMarkers, JsonObject? schema)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind")
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject meta)
            {
                WalkMetadata(meta, withMarkers, leaves);
            }
            else
            {
                Walk(value, "f:" + key, schema is null ? null : SchemaPruner.PropertySchema(schema, key), withMarkers, leaves);
            }
        }

        return leaves;
    }

    public static string Join(string prefix, string token) => prefix + Separator + token;

    public static string[] Split(string path) => path.Split(Separator);

    /// <summary>".spec.size" as shown in SSA conflict causes.</summary>
    public static string Display(string path) =>
        string.Concat(Split(path).Where(t => t != ".").Select(t => t[..2] switch
        {
            "f:" => "." + t[2..],
            "k:" => "[" + string.Join(',', (JsonNode.Parse(t[2..]) as JsonObject ?? []).Select(kv => $"{kv.Key}={kv.Value?.ToJsonString()}")) + "]",
            _ => $"[={t[2..]}]",
        }));

    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var node = root;
            foreach (var token in Split(path))
            {
                if (!node.TryGetValue(token, out var child))
                {
                    child = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    node[token] = child;
                }

                node = (SortedDictionary<string, object>)child;
            }
        }

        return ToJson(root);
    }

    public static HashSet<string> FromFieldsV1(JsonObject? fields)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Collect(fields, null, paths);
        return paths;
    }

    private static void WalkMetadata(JsonObject meta, bool withMarkers, Dictionary<string, JsonNode?> leaves)
    {
        foreach (var (key, value) in meta)
        {
            if (ServerMetadata.Contains(key))
            {
                continue;
            }

            var path = Join("f:metadata", "f:" + key);
            if (key == "finalizers" && value is JsonArray finalizers)
            {
                if (withMarkers)
                {
                    leaves[Join(path, ".")] = null;
                }

                foreach (var item in finalizers)
                {
                    leaves[Join(path, "v:" + item?.ToJsonString())] = item;
                }
            }
            else
            {
                Walk(value, path, null, withMarkers, leaves);
            }
        }
    }

    private static void Walk(JsonNode? value, string path, JsonObject? schema, bool withMarkers, Dictionary<string, JsonNode?> leaves)
    {
        if (value is JsonArray list && (ListTypes.MapKeys(schema) is { } keys || ListTypes.IsSet(schema)))
        {
            WalkList(list, path, schema!, withMarkers, leaves);
        }
        else if (value is JsonObject obj && obj.Count > 0)
        {
            if (withMarkers)
            {
                leaves[Join(path, ".")] = null;
            }

            foreach (var (key, child) in obj)
            {
                Walk(child, Join(path, "f:" + key), schema is null ? null : SchemaPruner.PropertySchema(schema, key), withMarkers, leaves);
            }
        }
        else
        {
            leaves[path] = value;
        }
    }

    private static void WalkList(JsonArray list, string path, JsonObject schema, bool withMarkers, Dictionary<string, JsonNode?> leaves)
    {
        if (withMarkers)
        {
            leaves[Join(path, ".")] = null;
        }

        var keys = ListTypes.MapKeys(schema);
        var itemSchema = schema["items"] as JsonObject;
        foreach (var item in list)
        {
            if (keys is null || item is not JsonObject entry)
            {
                leaves[Join(path, "v:" + item?.ToJsonString())] = item;
                continue;
            }

            var itemPath = Join(path, ListTypes.ItemToken(entry, keys));
            leaves[Join(itemPath, ".")] = null;
            foreach (var (key, child) in entry)
            {
                Walk(child, Join(itemPath, "f:" + key), itemSchema is null ? null : SchemaPruner.PropertySchema(itemSchema, key), withMarkers, leaves);
            }
        }
    }

    private static JsonObject ToJson(SortedDictionary<string, object> node)
    {
        var obj = new JsonObject();
        foreach (var (key, child) in node)
        {
            obj[key] = ToJson((SortedDictionary<string, object>)child);
        }

        return obj;
    }

    private static void Collect(JsonObject? fields, string? prefix, HashSet<string> paths)
    {
        foreach (var (key, child) in fields ?? [])
        {
            var path = prefix is null ? key : Join(prefix, key);
            if (child is JsonObject nested && nested.Count > 0)
            {
                Collect(nested, path, paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }
}
