using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>The body of `auth/&lt;kubernetes mount&gt;/login`: a Vault role and a ServiceAccount token.</summary>
internal sealed record KubernetesLoginRequest
{
    [JsonPropertyName("role")]
    public required string Role { get; init; }

    [JsonPropertyName("jwt")]
    public required string Jwt { get; init; }
}
