namespace CertOperator.Acme;

/// <summary>One HTTP request to an ACME server, as <see cref="IAcmeRequestObserver"/> sees it.</summary>
public sealed record AcmeRequestObservation
{
    /// <summary>The status code cert-manager reports for a request that got no answer (connection failure, timeout).</summary>
    public const int NoResponse = 999;

    public required Uri Url { get; init; }

    public required string Method { get; init; }

    /// <summary>The logical operation, one of <see cref="AcmeActions"/>' names.</summary>
    public required string Action { get; init; }

    /// <summary>The HTTP status code, or <see cref="NoResponse"/>.</summary>
    public required int StatusCode { get; init; }

    /// <summary>From sending the request to receiving the response headers (or giving up).</summary>
    public required TimeSpan Duration { get; init; }
}
