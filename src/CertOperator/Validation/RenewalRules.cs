using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies.Cron;
using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>
/// `spec.renewal` (cert-manager 1.21, validateCertificateRenewal): a known policy, no windows with `Disabled`, and
/// each window with a duration, an IANA time zone and a cron expression cert-manager's parser accepts.
/// </summary>
internal static class RenewalRules
{
    private const string CronGrammar = "cron needs to follow: cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow";

    public static void Validate(CertificateRenewal? renewal, List<FieldError> errors)
    {
        if (renewal is null)
        {
            return;
        }

        switch (renewal.Policy)
        {
            case "RenewBefore":
                break;
            case "Disabled":
                if (renewal.Windows is { Count: > 0 })
                {
                    errors.Add(new("spec.renewal.windows", "windows cannot be set when `renewal.policy` is set to Disabled"));
                }

                return;
            default:
                errors.Add(new("spec.renewal.policy", $"Unsupported value: \"{renewal.Policy}\": supported values: \"Disabled\", \"RenewBefore\""));
                break;
        }

        for (var i = 0; i < (renewal.Windows?.Count ?? 0); i++)
        {
            ValidateWindow(renewal.Windows![i], $"spec.renewal.windows[{i}]", errors);
        }
    }

    private static void ValidateWindow(CertificateRenewalWindow window, string path, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(window.WindowDuration))
        {
            errors.Add(new($"{path}.windowDuration", "windowDuration must be specified and should be greater than 0"));
        }
        else if (!GoDuration.Parse(window.WindowDuration, $"{path}.windowDuration").Ok)
        {
            // Only reachable past the CRD schema's pattern, which cert-manager's API server enforces first.
            errors.Add(new($"{path}.windowDuration", $"\"{window.WindowDuration}\" is not a Go duration; use e.g. \"2h\" or \"90m\""));
        }

        if (!string.IsNullOrEmpty(window.Timezone) && GoLocation.Load(window.Timezone) is null)
        {
            errors.Add(new($"{path}.timezone", "invalid value for timezone. timezone must be IANA compliant"));
        }

        if (CronParser.Parse(window.Cron, window.Timezone).Error is { } cronError)
        {
            errors.Add(new($"{path}.cron", $"invalid cron syntax: {cronError}. {CronGrammar}"));
        }
    }
}
