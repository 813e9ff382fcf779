using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>An OAuth 2.0 token response (token endpoint or metadata server).</summary>
internal sealed record GoogleAccessToken
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => "GoogleAccessToken { }";
}
