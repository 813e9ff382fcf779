using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[AtomicMap]
[Description("A core/v1 NodeSelector: a node matches when it matches any of the terms.")]
public sealed class NodeSelector
{
    [Required]
    [Description("The terms, ORed.")]
    public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}
