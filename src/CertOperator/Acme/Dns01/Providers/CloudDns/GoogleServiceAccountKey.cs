using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>The fields of a Google service account JSON key that the JWT-bearer token exchange needs.</summary>
internal sealed record GoogleServiceAccountKey
{
    public string? Type { get; init; }

    [JsonPropertyName("private_key_id")]
    public string? PrivateKeyId { get; init; }

    [JsonPropertyName("private_key")]
    public string? PrivateKey { get; init; }

    [JsonPropertyName("client_email")]
    public string? ClientEmail { get; init; }

    [JsonPropertyName("token_uri")]
    public string? TokenUri { get; init; }

    /// <summary>Never prints the private key.</summary>
    public override string ToString() => $"GoogleServiceAccountKey {{ ClientEmail = {ClientEmail} }}";
}
