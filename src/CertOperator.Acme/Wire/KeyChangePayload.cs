using CertOperator.Acme.Jws;

namespace CertOperator.Acme.Wire;

/// <summary>Payload of the inner keyChange JWS (RFC 8555 §7.3.5).</summary>
internal sealed record KeyChangePayload
{
    public required string Account { get; init; }

    public required JsonWebKey OldKey { get; init; }
}
