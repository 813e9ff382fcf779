using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Admission;

/// <summary>
/// Whether a webhook's rules (operations, apiGroups, apiVersions, resources with "x/sub", "*/sub" and "x/*", scope)
/// match a request, as the apiserver's admission/plugin/webhook/predicates/rules does.
/// </summary>
internal static class WebhookRules
{
    public static bool Match(JsonNode? rules, ResourceType type, string? subresource, string operation) =>
        rules is JsonArray array && array.OfType<JsonObject>().Any(rule => MatchRule(rule, type, subresource, operation));

    private static bool MatchRule(JsonObject rule, ResourceType type, string? subresource, string operation) =>
        AnyOf(rule["operations"], operation)
        && AnyOf(rule["apiGroups"], type.Group)
        && AnyOf(rule["apiVersions"], type.Version)
        && Resource(rule["resources"], type.Plural, subresource)
        && Scope(JsonNodes.Str(rule, "scope") ?? "*", type.Namespaced);

    private static bool AnyOf(JsonNode? values, string value) =>
        Strings(values).Any(v => v == "*" || v == value);

    private static bool Resource(JsonNode? values, string resource, string? subresource)
    {
        foreach (var pattern in Strings(values))
        {
            var slash = pattern.IndexOf('/', StringComparison.Ordinal);
            var (res, sub) = slash < 0 ? (pattern, (string?)null) : (pattern[..slash], pattern[(slash + 1)..]);
            if (pattern == "*/*"
                || ((res == resource || res == "*") && (sub == subresource || (sub == "*" && subresource is not null))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Scope(string scope, bool namespaced) => scope switch
    {
        "Cluster" => !namespaced,
        "Namespaced" => namespaced,
        _ => true,
    };

    private static IEnumerable<string> Strings(JsonNode? values) =>
        values is JsonArray array ? array.Select(v => v?.GetValue<string>() ?? "") : [];
}
