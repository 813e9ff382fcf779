using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.AcmeDns;

/// <summary>acme-dns's error body: `{"error": "forbidden"}`, `bad_txt`, `bad_subdomain`…</summary>
internal sealed record AcmeDnsError
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
