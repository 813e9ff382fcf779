using System.ComponentModel;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 PodAffinity: pods this pod should run near.")]
public sealed class PodAffinity
{
    [Description("Terms the node must meet for the pod to be scheduled there; all must hold.")]
    public List<PodAffinityTerm>? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Terms the scheduler prefers, by the sum of the weights of the terms a node meets.")]
    public List<WeightedPodAffinityTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
