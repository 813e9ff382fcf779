using System.Globalization;
using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Json;

/// <summary>RFC 6902 JSON patch; any failing operation (including <c>test</c>) throws <see cref="JsonPatchException"/>.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        var doc = target.DeepClone();
        foreach (var op in operations.OfType<JsonObject>())
        {
            var kind = JsonNodes.Str(op, "op") ?? throw new JsonPatchException("missing op");
            var path = JsonNodes.Str(op, "path") ?? throw new JsonPatchException("missing path");
            switch (kind)
            {
                case "add":
                    doc = Add(doc, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(doc, path);
                    break;
                case "replace":
                    Remove(doc, path);
                    doc = Add(doc, path, op["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Get(doc, JsonNodes.Str(op, "from") ?? "")?.DeepClone();
                    Remove(doc, JsonNodes.Str(op, "from") ?? "");
                    doc = Add(doc, path, moved);
                    break;
                case "copy":
                    doc = Add(doc, path, Get(doc, JsonNodes.Str(op, "from") ?? "")?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(doc, path), op["value"]))
                    {
                        throw new JsonPatchException($"testing value {path} failed");
                    }

                    break;
                default:
                    throw new JsonPatchException($"unknown op {kind}");
            }
        }

        return doc;
    }

    private static string[] Tokens(string path) =>
        path.Length == 0 ? [] : path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    private static JsonNode? Get(JsonNode doc, string path)
    {
        JsonNode? current = doc;
        foreach (var token in Tokens(path))
        {
            current = current switch
            {
                JsonObject o when o.ContainsKey(token) => o[token],
                JsonArray a when int.TryParse(token, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw new JsonPatchException($"path {path} not found"),
            };
        }

        return current;
    }

    private static JsonNode Add(JsonNode doc, string path, JsonNode? value)
    {
        var tokens = Tokens(path);
        if (tokens.Length == 0)
        {
            return value ?? throw new JsonPatchException("cannot replace the document with null");
        }

        var parent = Get(doc, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new JsonPatchException($"cannot add at {path}");
        }

        return doc;
    }

    private static void Remove(JsonNode doc, string path)
    {
        var tokens = Tokens(path);
        var parent = Get(doc, tokens.Length <= 1 ? "" : "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens.Length == 0 ? throw new JsonPatchException("cannot remove the document") : tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw new JsonPatchException($"path {path} not found");
        }
    }

    private static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

internal sealed class JsonPatchException(string message) : Exception(message);
