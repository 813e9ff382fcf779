namespace CertOperator.Acme.Model;

/// <summary>An ACME challenge (RFC 8555 §7.1.5, §8).</summary>
public sealed record AcmeChallenge
{
    public required string Type { get; init; }

    public required Uri Url { get; init; }

    public required string Status { get; init; }

    public string? Token { get; init; }

    public DateTimeOffset? Validated { get; init; }

    public AcmeProblem? Error { get; init; }
}
