using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>DigitalOcean's error body: `{"id": "unauthorized", "message": "Unable to authenticate you"}`.</summary>
internal sealed record DigitalOceanError
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
