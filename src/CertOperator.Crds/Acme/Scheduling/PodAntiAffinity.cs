using System.ComponentModel;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 PodAntiAffinity: pods this pod should not run near.")]
public sealed class PodAntiAffinity
{
    [Description("Terms the node must not meet for the pod to be scheduled there; all must hold.")]
    public List<PodAffinityTerm>? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Terms the scheduler avoids, by the sum of the weights of the terms a node meets.")]
    public List<WeightedPodAffinityTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
