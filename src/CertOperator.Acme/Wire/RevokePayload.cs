namespace CertOperator.Acme.Wire;

/// <summary>Body of a revokeCert request (RFC 8555 §7.6).</summary>
internal sealed record RevokePayload
{
    public required string Certificate { get; init; }

    public int? Reason { get; init; }
}
