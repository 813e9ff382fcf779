using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>
/// `duration`, `renewBefore` and `renewBeforePercentage` with cert-manager's limits (pkg/apis/certmanager/v1):
/// a certificate lives at least 1h (default 90 days), renewal starts at least 5m before expiry and strictly
/// after issuance.
/// </summary>
internal static class DurationRules
{
    private static readonly TimeSpan DefaultDuration = TimeSpan.FromDays(90);
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRenewBefore = TimeSpan.FromMinutes(5);

    public static void Validate(CertificateSpec spec, List<FieldError> errors)
    {
        if (Parse(spec.Duration, "spec.duration", errors) is not { } duration)
        {
            return;
        }

        if (duration < MinimumDuration)
        {
            errors.Add(new("spec.duration", $"certificate duration must be greater than {GoDuration.Format(MinimumDuration)}"));
        }

        if (!string.IsNullOrEmpty(spec.RenewBefore) && spec.RenewBeforePercentage is not null)
        {
            const string exclusive = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";
            errors.Add(new("spec.renewBefore", exclusive));
            errors.Add(new("spec.renewBeforePercentage", exclusive));
        }

        if (!string.IsNullOrEmpty(spec.RenewBefore) && Parse(spec.RenewBefore, "spec.renewBefore", errors) is { } renewBefore)
        {
            if (renewBefore < MinimumRenewBefore)
            {
                errors.Add(new("spec.renewBefore", $"certificate renewBefore must be greater than {GoDuration.Format(MinimumRenewBefore)}"));
            }

            if (renewBefore >= duration)
            {
                errors.Add(new("spec.renewBefore", $"certificate duration {GoDuration.Format(duration)} must be greater than renewBefore {GoDuration.Format(renewBefore)}"));
            }
        }

        if (spec.RenewBeforePercentage is { } percentage)
        {
            // cert-manager's formula: the share of the lifetime left when renewal starts.
            var fromPercentage = TimeSpan.FromTicks((long)((double)(duration.Ticks * 100) * (100 - percentage) / 100) / 100);
            if (fromPercentage < MinimumRenewBefore)
            {
                errors.Add(new("spec.renewBeforePercentage", $"certificate renewBeforePercentage must result in a renewBefore greater than {GoDuration.Format(MinimumRenewBefore)}"));
            }

            if (fromPercentage >= duration)
            {
                errors.Add(new("spec.renewBeforePercentage", "certificate renewBeforePercentage must result in a renewBefore less than duration"));
            }
        }
    }

    /// <summary>The duration in effect (the default when unset), or null after reporting why it cannot be read.</summary>
    public static TimeSpan? Parse(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultDuration;
        }

        var parsed = GoDuration.Parse(text, field);
        if (parsed.Ok)
        {
            return parsed.Value;
        }

        errors.Add(new(field, parsed.Error!.Message[(field.Length + 2)..]));
        return null;
    }
}
