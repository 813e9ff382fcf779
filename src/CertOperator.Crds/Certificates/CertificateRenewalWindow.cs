using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("A recurring time window in which renewal may happen.")]
public sealed class CertificateRenewalWindow
{
    [Required]
    [MinLength(1)]
    [Description("When each window opens, as a five-field cron expression (minute hour day-of-month month day-of-week).")]
    public string Cron { get; set; } = "";

    [MinLength(1)]
    [Description("IANA time zone of `cron`, e.g. `America/Denver`; UTC when unset.")]
    public string? Timezone { get; set; }

    [Required]
    [Pattern(@"^([0-9]+(\.[0-9]+)?(s|m|h))+$")]
    [Description("How long each window stays open, as a Go duration such as `2h`.")]
    public string WindowDuration { get; set; } = "";
}
