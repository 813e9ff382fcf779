namespace CertOperator.Acme.Model;

/// <summary>A problem document (RFC 7807 / RFC 8555 §6.7), as returned in error responses and object "error" fields.</summary>
public sealed record AcmeProblem
{
    public required string Type { get; init; }

    public string? Detail { get; init; }

    public int? Status { get; init; }

    public string? Instance { get; init; }

    public IReadOnlyList<AcmeSubproblem>? Subproblems { get; init; }
}

/// <summary>A per-identifier problem inside a compound error (RFC 8555 §6.7.1).</summary>
public sealed record AcmeSubproblem
{
    public required string Type { get; init; }

    public string? Detail { get; init; }

    public AcmeIdentifier? Identifier { get; init; }
}
