using System.Text.Json.Serialization;

namespace CertOperator.Acme.Model;

/// <summary>An ACME authorization (RFC 8555 §7.1.4).</summary>
public sealed record AcmeAuthorization
{
    public required string Status { get; init; }

    public required AcmeIdentifier Identifier { get; init; }

    public required IReadOnlyList<AcmeChallenge> Challenges { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public bool? Wildcard { get; init; }

    [JsonIgnore]
    public Uri? Url { get; init; }

    [JsonIgnore]
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>The challenge of the given type ("http-01", "dns-01"), if the server offered one.</summary>
    public AcmeChallenge? Challenge(string type) => Challenges.FirstOrDefault(c => c.Type == type);
}
