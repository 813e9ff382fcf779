using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("How to solve challenges for the domains it selects: exactly one of http01 or dns01.")]
public sealed class AcmeChallengeSolver
{
    [Description("Which Certificates and DNS names this solver handles. Without a selector the solver is the lowest-priority default.")]
    public CertificateDnsNameSelector? Selector { get; set; }

    [Description("Solve HTTP-01 challenges by serving the token at `/.well-known/acme-challenge/` through an Ingress. Cannot be used for wildcard names.")]
    public AcmeChallengeSolverHttp01? Http01 { get; set; }

    [Description("Solve DNS-01 challenges by publishing a TXT record at `_acme-challenge.<domain>`.")]
    public AcmeChallengeSolverDns01? Dns01 { get; set; }

    [Description("Skip the self-check and ask the ACME server to validate this long after presenting (a Go duration such as `30s`; `0s` asks at once). For split-horizon DNS or NAT hairpinning, where the operator cannot see what the ACME server sees.")]
    public string? WaitInsteadOfSelfCheck { get; set; }
}
