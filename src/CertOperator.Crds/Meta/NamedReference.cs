using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Meta;

[Description("A reference by name to a Secret in the issuer's namespace (for a ClusterIssuer: in the cluster resource namespace).")]
public sealed class NamedReference
{
    [Required]
    [Description("Name of the resource being referred to.")]
    public string Name { get; set; } = "";
}
