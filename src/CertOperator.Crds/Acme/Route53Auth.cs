using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("How Route53 obtains AWS credentials other than static keys.")]
public sealed class Route53Auth
{
    [Required]
    [Description("Exchange a Kubernetes service account token for AWS credentials (AssumeRoleWithWebIdentity on `role`).")]
    public Route53KubernetesAuth Kubernetes { get; set; } = new();
}
