using System.Text.Json.Serialization;

namespace CertOperator.Acme.Model;

/// <summary>An ACME account object (RFC 8555 §7.1.2) and the URL (the JWS "kid") it lives at.</summary>
public sealed record AcmeAccount
{
    public required string Status { get; init; }

    public IReadOnlyList<string>? Contact { get; init; }

    public bool? TermsOfServiceAgreed { get; init; }

    public Uri? Orders { get; init; }

    [JsonIgnore]
    public Uri? Url { get; init; }
}
