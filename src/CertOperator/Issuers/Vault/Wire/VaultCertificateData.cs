using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>The PEM fields of a PKI sign answer: the leaf, the CA that signed it, and the chain above the leaf.</summary>
internal sealed record VaultCertificateData
{
    [JsonPropertyName("certificate")]
    public string? Certificate { get; init; }

    [JsonPropertyName("issuing_ca")]
    public string? IssuingCa { get; init; }

    [JsonPropertyName("ca_chain")]
    public IReadOnlyList<string>? CaChain { get; init; }
}
