using System.ComponentModel;
using CertOperator.Crds.Acme.Scheduling;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

/// <summary>The subset of a PodSpec cert-manager applies to solver pods.</summary>
[Description("Pod spec overrides for the HTTP-01 solver pods.")]
public sealed class Http01PodSpec
{
    [Description("Node labels the solver pod requires to be scheduled on a node.")]
    public Dictionary<string, string>? NodeSelector { get; set; }

    [Description("The solver pod's scheduling constraints, as a core/v1 Affinity.")]
    public Affinity? Affinity { get; set; }

    [Description("The solver pod's tolerations.")]
    public List<Toleration>? Tolerations { get; set; }

    [Description("The solver pod's priorityClassName.")]
    public string? PriorityClassName { get; set; }

    [Description("The solver pod's service account.")]
    public string? ServiceAccountName { get; set; }

    [Description("Secrets used to pull the solver image.")]
    [ListMapKeys("name")]
    public List<LocalObjectReference>? ImagePullSecrets { get; set; }

    [Description("The solver pod's security context.")]
    public SolverPodSecurityContext? SecurityContext { get; set; }

    [Description("Compute resources of the solver container, overriding the operator's defaults resource by resource.")]
    public SolverPodResources? Resources { get; set; }
}
