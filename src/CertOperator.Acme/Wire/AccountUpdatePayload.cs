namespace CertOperator.Acme.Wire;

/// <summary>Body of an account update (RFC 8555 §7.3.2).</summary>
internal sealed record AccountUpdatePayload
{
    public required IReadOnlyList<string> Contact { get; init; }
}
