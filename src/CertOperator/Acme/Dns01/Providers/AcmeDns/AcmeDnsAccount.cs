using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.AcmeDns;

/// <summary>
/// One acme-dns registration as `/register` returns it and cert-manager's account Secret stores it per domain.
/// A class, not a record, so no generated ToString prints the password.
/// </summary>
internal sealed class AcmeDnsAccount
{
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("password")]
    public string? Password { get; init; }

    [JsonPropertyName("fulldomain")]
    public string? FullDomain { get; init; }

    [JsonPropertyName("subdomain")]
    public string? Subdomain { get; init; }

    public override string ToString() => $"acme-dns account for {FullDomain}";
}
