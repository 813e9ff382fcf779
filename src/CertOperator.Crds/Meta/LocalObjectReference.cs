using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Meta;

[AtomicMap]
[Description("A reference to an object in the same namespace (for a ClusterIssuer: in the cluster resource namespace).")]
public sealed class LocalObjectReference
{
    [SchemaDefault("")]
    [Description("Name of the resource being referred to.")]
    public string Name { get; set; } = "";
}
