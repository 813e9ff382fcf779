using System.Text.Json.Nodes;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// On UPDATE a CertificateRequest keeps its spec and its cert-manager annotations: changing what is being signed while
/// it is processed, or by whom it was asked, would make the result mean something else (validation/certificaterequest.go).
/// </summary>
internal static class RequestImmutability
{
    private static readonly string[] ProtectedPrefixes = ["cert-manager.io", "acme.cert-manager.io"];

    public static IReadOnlyList<AdmissionError> Validate(JsonNode? oldRequest, JsonNode? newRequest)
    {
        var errors = new List<AdmissionError>();
        var oldAnnotations = Annotations(oldRequest);
        var newAnnotations = Annotations(newRequest);
        foreach (var key in oldAnnotations.Keys.Union(newAnnotations.Keys).Where(Protected).Order(StringComparer.Ordinal))
        {
            if (oldAnnotations.GetValueOrDefault(key) != newAnnotations.GetValueOrDefault(key))
            {
                errors.Add(AdmissionError.Forbidden($"metadata.annotations.{key}", "cannot change cert-manager annotation after creation"));
            }
        }

        if (!JsonNode.DeepEquals(oldRequest?["spec"], newRequest?["spec"]))
        {
            errors.Add(AdmissionError.Forbidden("spec", "cannot change spec after creation"));
        }

        return errors;
    }

    private static bool Protected(string key) => ProtectedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    private static Dictionary<string, string?> Annotations(JsonNode? request) =>
        (request?["metadata"]?["annotations"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)p.Value : p.Value?.ToJsonString(), StringComparer.Ordinal);
}
