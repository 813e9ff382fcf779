using System.Net.Http.Headers;

namespace CertOperator.Acme.Dns01.Providers.Common;

/// <summary>The wait a throttling API response asks for, from its `Retry-After` header.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders headers, TimeProvider time) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
