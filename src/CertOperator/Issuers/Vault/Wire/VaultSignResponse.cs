using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>A PKI sign answer: the certificate material sits under `data`.</summary>
internal sealed record VaultSignResponse
{
    [JsonPropertyName("data")]
    public VaultCertificateData? Data { get; init; }
}
