using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Meta;

[Description("A reference to one entry of a Secret in the same namespace (for a ClusterIssuer: in the cluster resource namespace).")]
public sealed class SecretKeySelector
{
    [Required]
    [Description("Name of the Secret resource being referred to.")]
    public string Name { get; set; } = "";

    [Description("Key of the entry in the Secret's `data` field; some fields default it, others require it.")]
    public string? Key { get; set; }
}
