using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Overrides for the HTTP-01 solver Ingresses.")]
public sealed class Http01IngressTemplate
{
    [Description("Labels and annotations added to the solver Ingresses, overriding built-in ones on conflict.")]
    public SolverObjectMeta? Metadata { get; set; }
}
