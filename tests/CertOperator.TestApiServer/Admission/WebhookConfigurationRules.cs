using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Admission;

/// <summary>
/// admissionregistration.k8s.io/v1 defaults (failurePolicy Fail, matchPolicy Equivalent, empty selectors, timeout
/// 10 s, rule scope "*", service port 443, mutating reinvocationPolicy Never) and the required fields of its validation.
/// </summary>
internal static class WebhookConfigurationRules
{
    private static readonly JsonNode[] SideEffects = [JsonValue.Create("None"), JsonValue.Create("NoneOnDryRun")];

    public static void Apply(ResourceType type, JsonObject obj)
    {
        var causes = new List<ValidationCause>();
        var webhooks = obj["webhooks"] as JsonArray ?? [];
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (webhooks[i] is JsonObject hook)
            {
                Default(hook, type.Kind == "MutatingWebhookConfiguration");
                causes.AddRange(Validate(hook, $"webhooks[{i}]"));
            }
        }

        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type, JsonNodes.Name(obj), causes);
        }
    }

    private static void Default(JsonObject hook, bool mutating)
    {
        hook["failurePolicy"] ??= "Fail";
        hook["matchPolicy"] ??= "Equivalent";
        hook["namespaceSelector"] ??= new JsonObject();
        hook["objectSelector"] ??= new JsonObject();
        hook["timeoutSeconds"] ??= 10;
        if (mutating)
        {
            hook["reinvocationPolicy"] ??= "Never";
        }

        foreach (var rule in (hook["rules"] as JsonArray ?? []).OfType<JsonObject>())
        {
            rule["scope"] ??= "*";
        }

        if (hook["clientConfig"]?["service"] is JsonObject service)
        {
            service["port"] ??= 443;
        }
    }

    private static IEnumerable<ValidationCause> Validate(JsonObject hook, string path)
    {
        if (hook["sideEffects"] is not JsonValue sideEffects)
        {
            yield return new ValidationCause("FieldValueRequired", "Required value: must specify one of None, NoneOnDryRun", $"{path}.sideEffects");
        }
        else if (!SideEffects.Any(s => JsonNode.DeepEquals(s, sideEffects)))
        {
            yield return ValidationCause.NotSupported($"{path}.sideEffects", sideEffects, SideEffects);
        }

        if (hook["admissionReviewVersions"] is not JsonArray { Count: > 0 })
        {
            yield return new ValidationCause("FieldValueRequired", "Required value: must specify one of v1, v1beta1", $"{path}.admissionReviewVersions");
        }

        var client = hook["clientConfig"] as JsonObject;
        if ((client?["url"] is null) == (client?["service"] is null))
        {
            yield return new ValidationCause("FieldValueRequired", "Required value: exactly one of url or service is required", $"{path}.clientConfig");
        }
    }
}
