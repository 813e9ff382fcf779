using System.Text.Json.Nodes;
using CertOperator.Crds.WellKnown;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// cert-manager's rules for a CertificateRequest's Approved and Denied conditions (validation/certificaterequest.go):
/// at most one of each, only True, never both, and never changed or removed once set.
/// </summary>
internal static class ApprovalRules
{
    public const string ConditionsField = "status.conditions";

    public static IReadOnlyList<AdmissionError> Validate(JsonArray? conditions)
    {
        var errors = new List<AdmissionError>();
        var approved = OfType(conditions, ConditionTypes.Approved);
        var denied = OfType(conditions, ConditionTypes.Denied);
        foreach (var (type, found) in new[] { (ConditionTypes.Approved, approved), (ConditionTypes.Denied, denied) })
        {
            if (found.Count > 1)
            {
                errors.Add(AdmissionError.Forbidden(ConditionsField, $"multiple \"{type}\" conditions present"));
            }
            else if (found.Count == 1 && Status(found[0]) != "True")
            {
                errors.Add(AdmissionError.Invalid($"{ConditionsField}.{type}", $"\"{Status(found[0])}\": \"{type}\" condition may only be set to True"));
            }
        }

        if (approved.Count > 0 && denied.Count > 0)
        {
            errors.Add(AdmissionError.Forbidden(ConditionsField, "both 'Denied' and 'Approved' conditions cannot coexist"));
        }

        return errors;
    }

    public static IReadOnlyList<AdmissionError> ValidateUpdate(JsonArray? oldConditions, JsonArray? newConditions)
    {
        var errors = new List<AdmissionError>();
        foreach (var type in new[] { ConditionTypes.Approved, ConditionTypes.Denied })
        {
            if (First(oldConditions, type) is { } before && !JsonNode.DeepEquals(before, First(newConditions, type)))
            {
                errors.Add(AdmissionError.Forbidden(ConditionsField, $"'{type}' condition may not be modified once set"));
            }
        }

        errors.AddRange(Validate(newConditions));
        return errors;
    }

    /// <summary>Whether an Approved or Denied condition appears that was not there before: only then is the signer permission checked.</summary>
    public static bool ApprovalAdded(JsonArray? oldConditions, JsonArray? newConditions) =>
        (First(oldConditions, ConditionTypes.Approved) is null && First(newConditions, ConditionTypes.Approved) is not null)
        || (First(oldConditions, ConditionTypes.Denied) is null && First(newConditions, ConditionTypes.Denied) is not null);

    private static List<JsonNode> OfType(JsonArray? conditions, string type) =>
        (conditions ?? []).OfType<JsonNode>().Where(c => c["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)c["type"] == type).ToList();

    private static JsonNode? First(JsonArray? conditions, string type) => OfType(conditions, type).FirstOrDefault();

    private static string Status(JsonNode condition) =>
        condition["status"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)condition["status"] ?? "" : "";
}
