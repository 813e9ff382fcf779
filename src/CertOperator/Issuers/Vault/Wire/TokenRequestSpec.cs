using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>Who the requested token is for and how long it lives.</summary>
internal sealed record TokenRequestSpec
{
    [JsonPropertyName("audiences")]
    public required IReadOnlyList<string> Audiences { get; init; }

    [JsonPropertyName("expirationSeconds")]
    public required long ExpirationSeconds { get; init; }
}
