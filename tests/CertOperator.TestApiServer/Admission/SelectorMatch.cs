using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Admission;

/// <summary>A metav1.LabelSelector object (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist) against labels; absent or {} matches all.</summary>
internal static class SelectorMatch
{
    public static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject obj)
        {
            return true;
        }

        foreach (var (key, value) in JsonNodes.StringMap(obj["matchLabels"]))
        {
            if (labels.GetValueOrDefault(key) != value)
            {
                return false;
            }
        }

        return (obj["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().All(e => Expression(e, labels));
    }

    private static bool Expression(JsonObject expression, IReadOnlyDictionary<string, string> labels)
    {
        var key = JsonNodes.Str(expression, "key") ?? "";
        var values = (expression["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()).ToList();
        var present = labels.TryGetValue(key, out var actual);
        return JsonNodes.Str(expression, "operator") switch
        {
            "In" => present && values.Contains(actual),
            "NotIn" => !present || !values.Contains(actual),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }
}
