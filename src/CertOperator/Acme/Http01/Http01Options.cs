namespace CertOperator.Acme.Http01;

/// <summary>How HTTP-01 solver pods are run and how the self-check reaches them.</summary>
internal sealed record Http01Options
{
    /// <summary>The operator's own image: solver pods run its `acmesolver` verb.</summary>
    public string SolverImage { get; init; } = "certoperator:dev";

    /// <summary>Where the self-check connects; null means the challenge's domain, as the ACME server would.</summary>
    public string? SelfCheckHost { get; init; }

    public int SelfCheckPort { get; init; } = 80;

    /// <summary>The port the solver listens on, in the pod and on its Service.</summary>
    public int SolverServicePort { get; init; } = 8089;
}
