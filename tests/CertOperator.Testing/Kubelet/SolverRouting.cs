namespace CertOperator.Testing.Kubelet;

/// <summary>How the stand-in's front server picks the solver for a challenge request.</summary>
public enum SolverRouting
{
    /// <summary>Any solver serving the token, whatever routes exist.</summary>
    ByToken,

    /// <summary>Only a solver an Ingress or an HTTPRoute attached to an existing Gateway routes the host and path to.</summary>
    ByRoute,
}
