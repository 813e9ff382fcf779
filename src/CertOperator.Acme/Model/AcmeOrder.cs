using System.Text.Json.Serialization;

namespace CertOperator.Acme.Model;

/// <summary>An ACME order (RFC 8555 §7.1.3) with its URL and the server's Retry-After, if any.</summary>
public sealed record AcmeOrder
{
    public required string Status { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public required IReadOnlyList<AcmeIdentifier> Identifiers { get; init; }

    public required IReadOnlyList<Uri> Authorizations { get; init; }

    public required Uri Finalize { get; init; }

    public Uri? Certificate { get; init; }

    public AcmeProblem? Error { get; init; }

    public string? Profile { get; init; }

    public string? Replaces { get; init; }

    [JsonIgnore]
    public Uri? Url { get; init; }

    [JsonIgnore]
    public DateTimeOffset? RetryAfter { get; init; }
}
