using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>The issued ServiceAccount token.</summary>
internal sealed record TokenRequestStatus
{
    [JsonPropertyName("token")]
    public string? Token { get; init; }
}
