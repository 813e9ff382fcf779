using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 WeightedPodAffinityTerm: a pod affinity term with a weight.")]
public sealed class WeightedPodAffinityTerm
{
    [Required]
    [Description("Weight of meeting this term, 1-100.")]
    public int Weight { get; set; }

    [Required]
    [Description("The pod affinity term.")]
    public PodAffinityTerm PodAffinityTerm { get; set; } = new();
}
