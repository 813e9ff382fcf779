using CertOperator.Acme.Model;

namespace CertOperator.Acme.Wire;

/// <summary>Body of a newOrder request (RFC 8555 §7.4, RFC 9773 §5 "replaces", profiles draft "profile").</summary>
internal sealed record NewOrderPayload
{
    public required IReadOnlyList<AcmeIdentifier> Identifiers { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public string? Profile { get; init; }

    public string? Replaces { get; init; }
}
