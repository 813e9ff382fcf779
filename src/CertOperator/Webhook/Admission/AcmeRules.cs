using System.Text.Json.Nodes;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// cert-manager's UPDATE rules for Orders and Challenges (internal/apis/acme/validation): a Challenge's spec never
/// changes, and an Order's request, URLs, certificate and authorizations are fixed once set.
/// </summary>
internal static class AcmeRules
{
    private const string Immutable = "field is immutable once set";

    public static IReadOnlyList<AdmissionError> ValidateChallengeUpdate(JsonNode? oldChallenge, JsonNode? newChallenge) =>
        JsonNode.DeepEquals(oldChallenge?["spec"], newChallenge?["spec"])
            ? []
            : [AdmissionError.Forbidden("spec", "challenge spec is immutable after creation")];

    public static IReadOnlyList<AdmissionError> ValidateOrderUpdate(JsonNode? oldOrder, JsonNode? newOrder)
    {
        var errors = new List<AdmissionError>();
        SetOnce(oldOrder?["spec"], newOrder?["spec"], "request", "spec", errors);
        var before = oldOrder?["status"];
        var after = newOrder?["status"];
        foreach (var field in new[] { "url", "finalizeURL", "certificate" })
        {
            SetOnce(before, after, field, "status", errors);
        }

        var oldAuthorizations = before?["authorizations"] as JsonArray ?? [];
        var newAuthorizations = after?["authorizations"] as JsonArray ?? [];
        if (oldAuthorizations.Count == 0)
        {
            return errors;
        }

        if (oldAuthorizations.Count != newAuthorizations.Count)
        {
            // cert-manager stops at the length check too: indexes no longer line up.
            errors.Add(AdmissionError.Forbidden("status.authorizations", Immutable));
            return errors;
        }

        for (var i = 0; i < oldAuthorizations.Count; i++)
        {
            ValidateAuthorization(oldAuthorizations[i], newAuthorizations[i], $"status.authorizations[{i}]", errors);
        }

        return errors;
    }

    private static void ValidateAuthorization(JsonNode? before, JsonNode? after, string path, List<AdmissionError> errors)
    {
        foreach (var field in new[] { "url", "identifier", "wildcard", "initialState" })
        {
            SetOnce(before, after, field, path, errors);
        }

        var oldChallenges = before?["challenges"] as JsonArray ?? [];
        var newChallenges = after?["challenges"] as JsonArray ?? [];
        if (oldChallenges.Count == 0)
        {
            return;
        }

        if (oldChallenges.Count != newChallenges.Count)
        {
            errors.Add(AdmissionError.Forbidden($"{path}.challenges", Immutable));
            return;
        }

        for (var i = 0; i < oldChallenges.Count; i++)
        {
            foreach (var field in new[] { "url", "type", "token" })
            {
                SetOnce(oldChallenges[i], newChallenges[i], field, $"{path}.challenges[{i}]", errors);
            }
        }
    }

    /// <summary>A field that had a value may not change it (or lose it); an unset one may be set.</summary>
    private static void SetOnce(JsonNode? before, JsonNode? after, string field, string path, List<AdmissionError> errors)
    {
        var old = before?[field];
        if (!IsUnset(old) && !JsonNode.DeepEquals(old, after?[field]))
        {
            errors.Add(AdmissionError.Forbidden($"{path}.{field}", Immutable));
        }
    }

    private static bool IsUnset(JsonNode? value) =>
        value is null || (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>().Length == 0);
}
