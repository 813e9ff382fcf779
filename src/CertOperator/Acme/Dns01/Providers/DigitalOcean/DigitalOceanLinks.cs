using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>The `links` of a DigitalOcean list answer.</summary>
internal sealed record DigitalOceanLinks
{
    [JsonPropertyName("pages")]
    public DigitalOceanPages? Pages { get; init; }
}
