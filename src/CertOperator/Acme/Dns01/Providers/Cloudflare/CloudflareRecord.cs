using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>A Cloudflare DNS record as listed, or as created (without an id).</summary>
internal sealed record CloudflareRecord
{
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("content")]
    public required string Content { get; init; }

    [JsonPropertyName("ttl")]
    public int Ttl { get; init; }
}
