using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("A service account to request tokens for.")]
public sealed class ServiceAccountRef
{
    [Required]
    [Description("Name of the service account.")]
    public string Name { get; set; } = "";

    [Description("Audiences of the requested token; defaults to `sts.amazonaws.com` for Route53.")]
    public List<string>? Audiences { get; set; }
}
