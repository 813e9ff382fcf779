using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>One page of `GET /v2/domains/{domain}/records`; `links.pages.next` is set while pages remain.</summary>
internal sealed record DigitalOceanRecordList
{
    [JsonPropertyName("domain_records")]
    public IReadOnlyList<DigitalOceanRecord> DomainRecords { get; init; } = [];

    [JsonPropertyName("links")]
    public DigitalOceanLinks? Links { get; init; }
}
