using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Ingress-based HTTP-01 solving. At most one of class, ingressClassName or name may be set.")]
public sealed class AcmeChallengeSolverHttp01Ingress
{
    [Description("Type of the Service in front of the solver pod, `NodePort` (default) or `ClusterIP`.")]
    public string? ServiceType { get; set; }

    [Description("The IngressClass (spec.ingressClassName) of the Ingresses created for challenges.")]
    public string? IngressClassName { get; set; }

    [Description("The legacy `kubernetes.io/ingress.class` annotation value of the Ingresses created for challenges.")]
    public string? Class { get; set; }

    [Description("Name of an existing Ingress to add challenge routes to instead of creating Ingresses, e.g. for ingress-gce's one-IP-per-Ingress model.")]
    public string? Name { get; set; }

    [Description("Overrides for the solver pods: labels, annotations and some scheduling fields.")]
    public Http01PodTemplate? PodTemplate { get; set; }

    [Description("Overrides for the solver Ingresses: labels and annotations.")]
    public Http01IngressTemplate? IngressTemplate { get; set; }
}
