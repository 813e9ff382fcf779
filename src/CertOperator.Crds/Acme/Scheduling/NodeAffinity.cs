using System.ComponentModel;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 NodeAffinity: the nodes the pod requires or prefers.")]
public sealed class NodeAffinity
{
    [Description("Nodes the pod must be scheduled on; not enforced again once the pod runs.")]
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Nodes the scheduler prefers, by the sum of the weights of the terms a node matches.")]
    public List<PreferredSchedulingTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
