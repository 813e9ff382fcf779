using System.Text.Json.Serialization;

namespace CertOperator.Acme.Jws;

/// <summary>A JWS in flattened JSON serialization (RFC 7515 §7.2.2).</summary>
internal sealed record JwsMessage
{
    [JsonPropertyName("protected")]
    public required string Protected { get; init; }

    [JsonPropertyName("payload")]
    public required string Payload { get; init; }

    [JsonPropertyName("signature")]
    public required string Signature { get; init; }
}
