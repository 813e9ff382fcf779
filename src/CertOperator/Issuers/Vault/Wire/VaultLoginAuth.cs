using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>The `auth` block of a login answer.</summary>
internal sealed record VaultLoginAuth
{
    [JsonPropertyName("client_token")]
    public string? ClientToken { get; init; }
}
