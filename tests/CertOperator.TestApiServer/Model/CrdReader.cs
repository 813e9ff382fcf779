using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Model;

/// <summary>Turns a CustomResourceDefinition object into served resource types, validation errors and status.</summary>
internal static class CrdReader
{
    public static IReadOnlyList<ResourceType> ToTypes(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = JsonNodes.Str(spec, "group") ?? "";
        var plural = JsonNodes.Str(names, "plural") ?? "";
        var kind = JsonNodes.Str(names, "kind") ?? "";
        var singular = JsonNodes.Str(names, "singular") ?? kind.ToLowerInvariant();
        var namespaced = JsonNodes.Str(spec, "scope") != "Cluster";
        var crdName = JsonNodes.Name(crd);
        var versions = spec["versions"] as JsonArray ?? [];
        return versions.OfType<JsonObject>()
            .Where(v => v["served"]?.GetValue<bool>() != false)
            .Select(v => new ResourceType(group, JsonNodes.Str(v, "name") ?? "", plural, singular, kind, namespaced)
            {
                HasDefaults = v["schema"]?.ToJsonString().Contains("\"default\":", StringComparison.Ordinal) == true,
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatus = v["subresources"]?["status"] is JsonObject,
                Schema = v["schema"]?["openAPIV3Schema"] as JsonObject ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                Columns = Columns(v["additionalPrinterColumns"] as JsonArray),
                IsCustom = true,
                TracksGeneration = true,
                CrdName = crdName,
            })
            .ToList();
    }

    public static List<ValidationCause> Validate(JsonObject crd)
    {
        var causes = new List<ValidationCause>();
        var spec = crd["spec"] as JsonObject;
        var group = JsonNodes.Str(spec, "group");
        var plural = JsonNodes.Str(spec, "names", "plural");
        if (string.IsNullOrEmpty(group))
        {
            causes.Add(ValidationCause.Required("spec.group"));
        }

        if (string.IsNullOrEmpty(plural))
        {
            causes.Add(ValidationCause.Required("spec.names.plural"));
        }

        if (string.IsNullOrEmpty(JsonNodes.Str(spec, "names", "kind")))
        {
            causes.Add(ValidationCause.Required("spec.names.kind"));
        }

        if (JsonNodes.Name(crd) != $"{plural}.{group}")
        {
            causes.Add(ValidationCause.Invalid("metadata.name", crd["metadata"]?["name"], "must be spec.names.plural+\".\"+spec.group"));
        }

        var versions = spec?["versions"] as JsonArray ?? [];
        if (versions.OfType<JsonObject>().Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            causes.Add(ValidationCause.Invalid("spec.versions", null, "must have exactly one version marked as storage version"));
        }

        return causes;
    }

    /// <summary>The status the apiextensions controller would settle on: names accepted, established.</summary>
    public static JsonObject Status(JsonObject crd, string now)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var storage = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => v["storage"]?.GetValue<bool>() == true)
            .Select(v => (JsonNode?)JsonValue.Create(JsonNodes.Str(v, "name")))
            .ToArray();
        return new JsonObject
        {
            ["acceptedNames"] = spec["names"]?.DeepClone(),
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["storedVersions"] = new JsonArray(storage),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "").ToList();

    private static List<PrinterColumn> Columns(JsonArray? columns) =>
        (columns ?? []).OfType<JsonObject>().Select(c =>
        {
            var path = JsonNodes.Str(c, "jsonPath") ?? "";
            var priority = c["priority"] is JsonValue p ? (int)JsonNodes.AsDouble(p) : 0;
            var description = JsonNodes.Str(c, "description") ?? $"Custom resource definition column (in JSONPath format): {path}";
            return new PrinterColumn(JsonNodes.Str(c, "name") ?? "", JsonNodes.Str(c, "type") ?? "string", priority, description, path)
            {
                Format = JsonNodes.Str(c, "format") ?? "",
            };
        }).ToList();
}
