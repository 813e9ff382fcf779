using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("A time window suggested by the ACME server.")]
public sealed class AcmeRenewalWindow
{
    [Required]
    [Description("Start of the window.")]
    public DateTimeOffset Start { get; set; }

    [Required]
    [Description("End of the window.")]
    public DateTimeOffset End { get; set; }
}
