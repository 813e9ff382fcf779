namespace CertOperator.Acme.Wire;

/// <summary>Body of a finalize request: the base64url DER CSR (RFC 8555 §7.4).</summary>
internal sealed record FinalizePayload
{
    public required string Csr { get; init; }
}
