using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>
/// The body of a PKI `sign/:role` call, as cert-manager sends it: every field a string, SANs comma-separated, the
/// CN kept out of the SANs (the CSR already lists what it wants), `ttl` in Go duration syntax.
/// </summary>
internal sealed record VaultSignRequest
{
    [JsonPropertyName("common_name")]
    public required string CommonName { get; init; }

    [JsonPropertyName("alt_names")]
    public required string AltNames { get; init; }

    [JsonPropertyName("ip_sans")]
    public required string IpSans { get; init; }

    [JsonPropertyName("uri_sans")]
    public required string UriSans { get; init; }

    [JsonPropertyName("ttl")]
    public required string Ttl { get; init; }

    [JsonPropertyName("csr")]
    public required string Csr { get; init; }

    [JsonPropertyName("exclude_cn_from_sans")]
    public string ExcludeCnFromSans { get; init; } = "true";
}
