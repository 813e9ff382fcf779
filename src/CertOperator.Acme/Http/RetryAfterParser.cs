using System.Net.Http.Headers;

namespace CertOperator.Acme.Http;

/// <summary>Turns a Retry-After header (delta-seconds or HTTP-date, RFC 9110 §10.2.3) into an absolute time.</summary>
internal static class RetryAfterParser
{
    public static DateTimeOffset? Parse(RetryConditionHeaderValue? value, DateTimeOffset now) => value switch
    {
        { Delta: { } delta } => now + delta,
        { Date: { } date } => date,
        _ => null,
    };

    public static DateTimeOffset? Parse(string? value, DateTimeOffset now) =>
        RetryConditionHeaderValue.TryParse(value, out var parsed) ? Parse(parsed, now) : null;
}
