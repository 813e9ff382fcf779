namespace CertOperator.Testing.RealKube;

/// <summary>
/// Which <c>apiserver_request_total</c> series to add up; a null member matches any value, an empty
/// string only an empty label (e.g. <c>Subresource = ""</c> for the object itself, not /status).
/// </summary>
public sealed record ApiRequestFilter
{
    /// <summary>GET, LIST, WATCH, POST, PUT, PATCH, APPLY, DELETE, … (compared case-insensitively).</summary>
    public string? Verb { get; init; }

    public string? Group { get; init; }

    public string? Resource { get; init; }

    public string? Subresource { get; init; }

    /// <summary>HTTP status code, e.g. "409".</summary>
    public string? Code { get; init; }

    internal bool Matches(IReadOnlyDictionary<string, string> labels) =>
        Match(labels, "verb", Verb, StringComparison.OrdinalIgnoreCase)
        && Match(labels, "group", Group, StringComparison.Ordinal)
        && Match(labels, "resource", Resource, StringComparison.Ordinal)
        && Match(labels, "subresource", Subresource, StringComparison.Ordinal)
        && Match(labels, "code", Code, StringComparison.Ordinal);

    private static bool Match(IReadOnlyDictionary<string, string> labels, string label, string? wanted, StringComparison comparison) =>
        wanted is null || string.Equals(wanted, labels.GetValueOrDefault(label, ""), comparison);
}
