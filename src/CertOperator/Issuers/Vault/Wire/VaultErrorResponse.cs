using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>Vault's error body: `{"errors":["permission denied"]}`.</summary>
internal sealed record VaultErrorResponse
{
    [JsonPropertyName("errors")]
    public IReadOnlyList<string>? Errors { get; init; }
}
