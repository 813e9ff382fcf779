using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[AtomicMap]
[Description("A core/v1 NodeSelectorTerm: its requirements are ANDed; an empty term matches no node.")]
public sealed class NodeSelectorTerm
{
    [Description("Requirements on the node's labels.")]
    public List<NodeSelectorRequirement>? MatchExpressions { get; set; }

    [Description("Requirements on the node's fields.")]
    public List<NodeSelectorRequirement>? MatchFields { get; set; }
}
