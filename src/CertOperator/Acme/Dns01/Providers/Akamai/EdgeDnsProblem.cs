namespace CertOperator.Acme.Dns01.Providers.Akamai;

/// <summary>An Akamai API error body (RFC 7807 problem details).</summary>
internal sealed record EdgeDnsProblem
{
    public string? Title { get; init; }

    public string? Detail { get; init; }
}
