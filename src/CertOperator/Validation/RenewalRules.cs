using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>`spec.renewal` (cert-manager 1.21): a known policy; no windows with `Disabled`; windows themselves are not supported by this build.</summary>
internal static class RenewalRules
{
    public static void Validate(CertificateRenewal? renewal, List<FieldError> errors)
    {
        if (renewal is null)
        {
            return;
        }

        switch (renewal.Policy)
        {
            case "Disabled" when renewal.Windows is { Count: > 0 }:
                errors.Add(new("spec.renewal.windows", "windows cannot be set when `renewal.policy` is set to Disabled"));
                return;
            case "Disabled":
                return;
            case "RenewBefore":
                break;
            default:
                errors.Add(new("spec.renewal.policy", $"Unsupported value: \"{renewal.Policy}\": supported values: \"Disabled\", \"RenewBefore\""));
                return;
        }

        for (var i = 0; i < (renewal.Windows?.Count ?? 0); i++)
        {
            errors.Add(new($"spec.renewal.windows[{i}]",
                "renewal windows are not supported by this build of CertOperator yet; remove them to renew at the renewal time (renewBefore), or keep cert-manager for this Certificate"));
        }
    }
}
