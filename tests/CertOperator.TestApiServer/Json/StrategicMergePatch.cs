using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Json;

/// <summary>
/// The subset of strategic merge patch kubectl sends for built-in kinds: a merge patch where lists
/// named in <see cref="MergeKeys"/> merge item by item and <c>$patch</c>/<c>$setElementOrder</c>/
/// <c>$retainKeys</c>/<c>$deleteFromPrimitiveList</c> directives are honoured or dropped.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "port",
        ["ownerReferences"] = "uid",
        ["conditions"] = "type",
        ["imagePullSecrets"] = "name",
    };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObj)
        {
            return patch?.DeepClone();
        }

        if (JsonNodes.Str(patchObj, "$patch") == "replace")
        {
            var replaced = (JsonObject)patchObj.DeepClone();
            replaced.Remove("$patch");
            return replaced;
        }

        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObj)
        {
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                RemovePrimitives(result, key["$deleteFromPrimitiveList/".Length..], value as JsonArray);
                continue;
            }

            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null || (value is JsonObject o && JsonNodes.Str(o, "$patch") == "delete"))
            {
                result.Remove(key);
            }
            else if (value is JsonArray items && MergeKeys.TryGetValue(key, out var mergeKey) && result[key] is JsonArray existing)
            {
                result[key] = MergeList(existing, items, mergeKey);
            }
            else
            {
                result[key] = Apply(result[key], value);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray existing, JsonArray patch, string mergeKey)
    {
        var merged = existing.Select(n => n?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var key = item[mergeKey]?.ToJsonString();
            var index = merged.FindIndex(n => n is JsonObject o && o[mergeKey]?.ToJsonString() == key);
            if (JsonNodes.Str(item, "$patch") == "delete")
            {
                if (index >= 0)
                {
                    merged.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                merged[index] = Apply(merged[index], item);
            }
            else
            {
                merged.Add(Apply(null, item));
            }
        }

        return new JsonArray(merged.ToArray());
    }

    private static void RemovePrimitives(JsonObject result, string key, JsonArray? remove)
    {
        if (result[key] is not JsonArray list || remove is null)
        {
            return;
        }

        var kept = list.Where(n => !remove.Any(r => JsonNode.DeepEquals(r, n))).Select(n => n?.DeepClone()).ToArray();
        result[key] = new JsonArray(kept);
    }
}
