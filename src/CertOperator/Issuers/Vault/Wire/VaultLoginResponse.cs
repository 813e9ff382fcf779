using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>What every auth method's `login` answers: the new token under `auth.client_token`.</summary>
internal sealed record VaultLoginResponse
{
    [JsonPropertyName("auth")]
    public VaultLoginAuth? Auth { get; init; }
}
