using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

internal sealed record JwtHeader
{
    public string Alg { get; init; } = "RS256";

    public string Typ { get; init; } = "JWT";

    public string? Kid { get; init; }
}

/// <summary>The claims of a service account's JWT-bearer grant (RFC 7523) as Google's token endpoint expects them.</summary>
internal sealed record JwtClaims
{
    public required string Iss { get; init; }

    public required string Scope { get; init; }

    public required string Aud { get; init; }

    [JsonPropertyName("iat")]
    public long IssuedAt { get; init; }

    [JsonPropertyName("exp")]
    public long Expires { get; init; }
}
