using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Schema;

/// <summary>One <c>details.causes[]</c> entry of a 422 Invalid Status.</summary>
internal sealed record ValidationCause(string Reason, string Message, string Field)
{
    public static ValidationCause Required(string field) => new("FieldValueRequired", "Required value", field);

    public static ValidationCause Invalid(string field, JsonNode? value, string detail) =>
        new("FieldValueInvalid", $"Invalid value: {JsonNodes.Render(value)}: {detail}", field);

    public static ValidationCause NotSupported(string field, JsonNode? value, IEnumerable<JsonNode?> allowed) =>
        new("FieldValueNotSupported", $"Unsupported value: {JsonNodes.Render(value)}: supported values: {string.Join(", ", allowed.Select(JsonNodes.Render))}", field);

    public static ValidationCause TypeInvalid(string field, JsonNode? value, string type) =>
        new("FieldValueTypeInvalid", $"Invalid value: {JsonNodes.Render(value)}: {field} in body must be of type {type}: {JsonNodes.Render(value)}", field);

    public static ValidationCause UnknownField(string field) =>
        new("FieldValueInvalid", $"unknown field \"{field}\"", field);

    public static string Summary(string qualifiedKind, string name, IReadOnlyList<ValidationCause> causes)
    {
        var parts = causes.Select(c => $"{c.Field}: {c.Message}").ToList();
        var joined = parts.Count == 1 ? parts[0] : $"[{string.Join(", ", parts)}]";
        return $"{qualifiedKind} \"{name}\" is invalid: {joined}";
    }
}
