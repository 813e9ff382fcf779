using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("A service account whose tokens are exchanged for AWS credentials.")]
public sealed class Route53KubernetesAuth
{
    [Required]
    [Description("The service account, in the issuer's namespace (or the cluster resource namespace), to request tokens for.")]
    public ServiceAccountRef ServiceAccountRef { get; set; } = new();
}
