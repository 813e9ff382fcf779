using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>Paging of a Cloudflare list answer.</summary>
internal sealed record CloudflareResultInfo
{
    [JsonPropertyName("page")]
    public int Page { get; init; }

    [JsonPropertyName("total_pages")]
    public int TotalPages { get; init; }
}
