using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Venafi;

[ValidationRule("(has(self.tpp) ? 1 : 0) + (has(self.cloud) ? 1 : 0) + (has(self.ngts) ? 1 : 0) == 1", "exactly one of tpp, cloud, or ngts must be configured")]
[Description("Sign certificates with Venafi (CyberArk) Trust Protection Platform, Certificate Manager SaaS or NGTS. Accepted so cert-manager manifests apply; this operator does not issue through Venafi.")]
public sealed class VenafiIssuer
{
    [Required]
    [Description("The Venafi policy zone certificates are requested in.")]
    public string Zone { get; set; } = "";

    [Description("Trust Protection Platform settings.")]
    public VenafiTpp? Tpp { get; set; }

    [Description("Certificate Manager SaaS settings.")]
    public VenafiCloud? Cloud { get; set; }

    [Description("Next-Gen Trust Security settings.")]
    public VenafiNgts? Ngts { get; set; }
}
