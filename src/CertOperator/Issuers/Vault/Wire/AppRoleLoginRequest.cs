using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>The body of `auth/&lt;approle mount&gt;/login`.</summary>
internal sealed record AppRoleLoginRequest
{
    [JsonPropertyName("role_id")]
    public required string RoleId { get; init; }

    [JsonPropertyName("secret_id")]
    public required string SecretId { get; init; }
}
