using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("How the Certificate is renewed (cert-manager 1.21).")]
public sealed class CertificateRenewal
{
    [EnumValues("RenewBefore", "Disabled")]
    [Description("`RenewBefore` renews at the renewal time (the default); `Disabled` never renews automatically.")]
    public string? Policy { get; set; }

    [Description("Cron windows the renewal must fall in, with policy `RenewBefore`.")]
    public List<CertificateRenewalWindow>? Windows { get; set; }
}
