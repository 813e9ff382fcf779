using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>`links.pages` of a DigitalOcean list answer: URLs of the neighbouring pages that exist.</summary>
internal sealed record DigitalOceanPages
{
    [JsonPropertyName("next")]
    public string? Next { get; init; }

    [JsonPropertyName("last")]
    public string? Last { get; init; }
}
