using CertOperator.Validation;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// One reason to refuse an object, printed like apimachinery's field.Error (`spec: Forbidden: cannot change spec
/// after creation`), which is what cert-manager users see from its webhook.
/// </summary>
internal sealed record AdmissionError(string Field, AdmissionErrorType Type, string Detail)
{
    public static AdmissionError Forbidden(string field, string detail) => new(field, AdmissionErrorType.Forbidden, detail);

    public static AdmissionError Invalid(string field, string detail) => new(field, AdmissionErrorType.Invalid, detail);

    /// <summary>A validation-module error: "must be specified…" is a missing value, anything else an invalid one.</summary>
    public static AdmissionError From(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var type = error.Message.StartsWith("must be specified", StringComparison.Ordinal) ? AdmissionErrorType.Required : AdmissionErrorType.Invalid;
        return new(error.Field, type, error.Message);
    }

    public override string ToString() => Type switch
    {
        AdmissionErrorType.Forbidden => $"{Field}: Forbidden: {Detail}",
        AdmissionErrorType.Required => $"{Field}: Required value: {Detail}",
        _ => $"{Field}: Invalid value: {Detail}",
    };

    /// <summary>apimachinery's aggregate: one error as itself, several as "[a, b]", repeats once.</summary>
    public static string Aggregate(IEnumerable<AdmissionError> errors)
    {
        var messages = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count == 1 ? messages[0] : $"[{string.Join(", ", messages)}]";
    }
}

/// <summary>The field.ErrorType values cert-manager's validation uses.</summary>
internal enum AdmissionErrorType
{
    Invalid,
    Required,
    Forbidden,
}
