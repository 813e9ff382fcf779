using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>A DigitalOcean domain record as listed (name relative to the domain), or as created (absolute name, no id).</summary>
internal sealed record DigitalOceanRecord
{
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("data")]
    public required string Data { get; init; }

    [JsonPropertyName("ttl")]
    public int Ttl { get; init; }
}
