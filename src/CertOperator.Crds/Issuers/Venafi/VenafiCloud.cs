using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Venafi;

[Description("Venafi Certificate Manager SaaS.")]
public sealed class VenafiCloud
{
    [Description("The API base URL; `https://api.venafi.cloud/` when unset.")]
    public string? Url { get; set; }

    [Required]
    [Description("The Secret entry holding the API token.")]
    public SecretKeySelector ApiTokenSecretRef { get; set; } = new();
}
