using System.Net;

namespace CertOperator.Acme.Http;

/// <summary>A fully read, size-capped HTTP response with the headers ACME cares about.</summary>
internal sealed record AcmeResponse
{
    public required Uri RequestUrl { get; init; }

    public required HttpStatusCode Status { get; init; }

    public required byte[] Body { get; init; }

    public string? ContentType { get; init; }

    public Uri? Location { get; init; }

    public DateTimeOffset? RetryAfter { get; init; }

    public IReadOnlyList<LinkHeader> Links { get; init; } = [];

    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
