using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 PreferredSchedulingTerm: a node selector term with a weight.")]
public sealed class PreferredSchedulingTerm
{
    [Required]
    [Description("Weight of matching this term, 1-100.")]
    public int Weight { get; set; }

    [Required]
    [Description("The node selector term.")]
    public NodeSelectorTerm Preference { get; set; } = new();
}
