namespace CertOperator.Acme.Accounts;

/// <summary>A ready-to-use ACME client for one issuer's account, or why there is none yet.</summary>
internal sealed record AcmeAccountContext(IAcmeClient? Client, string? Thumbprint, string? ProblemReason, string? ProblemMessage)
{
    public static AcmeAccountContext Problem(string reason, string message) => new(null, null, reason, message);
}
