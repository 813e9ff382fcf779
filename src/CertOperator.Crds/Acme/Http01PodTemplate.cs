using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Overrides for the HTTP-01 solver pods.")]
public sealed class Http01PodTemplate
{
    [Description("Labels and annotations added to the solver pods, overriding built-in ones on conflict.")]
    public SolverObjectMeta? Metadata { get; set; }

    [Description("Pod spec overrides for the solver pods; only the fields listed are applied.")]
    public Http01PodSpec? Spec { get; set; }
}
