using System.ComponentModel;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Vault;

[Description("Vault's Kubernetes authentication with a ServiceAccount token.")]
public sealed class VaultKubernetesAuth
{
    [Description("Where the Kubernetes method is mounted; `/v1/auth/kubernetes` when unset.")]
    public string? MountPath { get; set; }

    [Required]
    [Description("The Vault role to log in as.")]
    public string Role { get; set; } = "";

    [Description("The Secret entry holding a ServiceAccount token to log in with.")]
    public SecretKeySelector? SecretRef { get; set; }

    [Description("A ServiceAccount to request a short-lived token for (with the TokenRequest API) instead of reading one from a Secret.")]
    public ServiceAccountRef? ServiceAccountRef { get; set; }
}
