using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Vault;

[Description("Vault's AppRole authentication.")]
public sealed class VaultAppRole
{
    [Required]
    [Description("Where the AppRole method is mounted, e.g. `approle`.")]
    public string Path { get; set; } = "";

    [Required]
    [Description("The AppRole's role ID.")]
    public string RoleId { get; set; } = "";

    [Required]
    [Description("The Secret entry holding the AppRole's secret ID.")]
    public SecretKeySelector SecretRef { get; set; } = new();
}
