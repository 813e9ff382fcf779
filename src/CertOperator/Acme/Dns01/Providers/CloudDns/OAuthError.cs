using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>An OAuth 2.0 token endpoint's error body (RFC 6749 §5.2).</summary>
internal sealed record OAuthError
{
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? Description { get; init; }
}
