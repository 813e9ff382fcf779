using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.AcmeDns;

/// <summary>The body of acme-dns `POST /update`.</summary>
internal sealed record AcmeDnsUpdate
{
    [JsonPropertyName("subdomain")]
    public required string Subdomain { get; init; }

    [JsonPropertyName("txt")]
    public required string Txt { get; init; }
}
