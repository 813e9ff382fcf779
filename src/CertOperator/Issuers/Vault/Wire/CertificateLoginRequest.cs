using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>The body of `auth/&lt;cert mount&gt;/login`: the certificate role to match (empty lets Vault pick one).</summary>
internal sealed record CertificateLoginRequest
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }
}
