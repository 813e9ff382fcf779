using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Gateway API HTTP-01 solving: an HTTPRoute per challenge, attached to the given Gateways.")]
public sealed class AcmeChallengeSolverHttp01GatewayHttpRoute
{
    [Description("Type of the Service in front of the solver pod, `NodePort` (default) or `ClusterIP`.")]
    public string? ServiceType { get; set; }

    [Description("Labels added to the HTTPRoutes created for challenges.")]
    public Dictionary<string, string>? Labels { get; set; }

    [Description("The Gateways (or listeners) the HTTPRoutes attach to.")]
    public List<GatewayParentReference>? ParentRefs { get; set; }

    [Description("Overrides for the solver pods: labels, annotations and some scheduling fields.")]
    public Http01PodTemplate? PodTemplate { get; set; }
}
