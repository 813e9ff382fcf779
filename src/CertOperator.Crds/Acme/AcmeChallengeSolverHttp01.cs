using System.ComponentModel;
using System.Text.Json.Serialization;

namespace CertOperator.Crds.Acme;

[Description("Solve HTTP-01 challenges by routing `/.well-known/acme-challenge/<token>` to a solver pod, through an Ingress or a Gateway API HTTPRoute.")]
public sealed class AcmeChallengeSolverHttp01
{
    [Description("Route challenge requests through an Ingress: a new one per challenge, or routes added to an existing Ingress named in `name`.")]
    public AcmeChallengeSolverHttp01Ingress? Ingress { get; set; }

    [JsonPropertyName("gatewayHTTPRoute")]
    [Description("Route challenge requests through a Gateway API HTTPRoute attached to existing Gateways.")]
    public AcmeChallengeSolverHttp01GatewayHttpRoute? GatewayHttpRoute { get; set; }
}
