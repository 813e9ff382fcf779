using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Json;

/// <summary>RFC 7386 JSON merge patch.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObj)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObj)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Apply(result[key], value);
            }
        }

        return result;
    }
}
