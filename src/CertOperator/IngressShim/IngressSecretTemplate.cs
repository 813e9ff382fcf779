using System.Text.Json;
using CertOperator.Crds.Certificates;

namespace CertOperator.IngressShim;

/// <summary>
/// The `cert-manager.io/secret-template` annotation: a JSON object with only `labels` and `annotations`
/// (string maps). As in cert-manager, other fields and `cert-manager.io/` annotation keys are refused, and
/// an empty template sets nothing.
/// </summary>
internal static class IngressSecretTemplate
{
    private const string Key = IngressAnnotations.SecretTemplate;
    private const string Example = "use a JSON object such as {\"labels\":{\"app\":\"web\"},\"annotations\":{\"team\":\"a\"}}";

    public static (CertificateSecretTemplate? Template, string? Problem) Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, $"{Key}: not valid JSON ({e.Message}); {Example}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return (null, null);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"{Key}: a JSON {root.ValueKind.ToString().ToLowerInvariant()} is not an object; {Example}");
            }

            var template = new CertificateSecretTemplate();
            foreach (var property in root.EnumerateObject())
            {
                var (map, problem) = StringMap(property);
                if (problem is not null)
                {
                    return (null, problem);
                }

                if (string.Equals(property.Name, "labels", StringComparison.OrdinalIgnoreCase))
                {
                    template.Labels = map;
                }
                else
                {
                    template.Annotations = map;
                }
            }

            if (template.Annotations?.Keys.FirstOrDefault(k => k.StartsWith("cert-manager.io/", StringComparison.Ordinal)) is { } reserved)
            {
                return (null, $"{Key}: annotation \"{reserved}\" is refused: cert-manager.io/ annotations on the Secret belong to the operator; remove it");
            }

            return template is { Labels.Count: > 0 } or { Annotations.Count: > 0 } ? (template, null) : (null, null);
        }
    }

    private static (Dictionary<string, string>? Map, string? Problem) StringMap(JsonProperty property)
    {
        if (!string.Equals(property.Name, "labels", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(property.Name, "annotations", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{Key}: unknown field \"{property.Name}\"; only \"labels\" and \"annotations\" are allowed");
        }

        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (property.Value.ValueKind != JsonValueKind.Object
            || property.Value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            return (null, $"{Key}: \"{property.Name}\" must be an object of string values; {Example}");
        }

        return (property.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal), null);
    }
}
