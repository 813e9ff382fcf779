using System.ComponentModel;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 Affinity: the solver pod's scheduling constraints.")]
public sealed class Affinity
{
    [Description("Node affinity scheduling rules for the pod.")]
    public NodeAffinity? NodeAffinity { get; set; }

    [Description("Pod affinity scheduling rules, e.g. co-locate this pod in the same node or zone as some other pods.")]
    public PodAffinity? PodAffinity { get; set; }

    [Description("Pod anti-affinity scheduling rules, e.g. avoid putting this pod in the same node or zone as some other pods.")]
    public PodAntiAffinity? PodAntiAffinity { get; set; }
}
