using System.Text.Json.Serialization;

namespace CertOperator.Acme.Jws;

/// <summary>The protected header of an ACME JWS (RFC 8555 §6.2): exactly one of jwk or kid.</summary>
internal sealed record JwsProtectedHeader
{
    [JsonPropertyName("alg")]
    public required string Algorithm { get; init; }

    [JsonPropertyName("jwk")]
    public JsonWebKey? Jwk { get; init; }

    [JsonPropertyName("kid")]
    public string? KeyId { get; init; }

    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }
}
