using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Solve HTTP-01 challenges by routing `/.well-known/acme-challenge/<token>` to a solver pod.")]
public sealed class AcmeChallengeSolverHttp01
{
    [Description("Route challenge requests through an Ingress: a new one per challenge, or routes added to an existing Ingress named in `name`.")]
    public AcmeChallengeSolverHttp01Ingress? Ingress { get; set; }
}
