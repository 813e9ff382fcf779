using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>The fields of a Cloudflare zone we use.</summary>
internal sealed record CloudflareZone
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }
}
