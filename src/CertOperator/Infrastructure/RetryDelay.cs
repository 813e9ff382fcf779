namespace CertOperator.Infrastructure;

/// <summary>How long to wait before asking a server again: until its Retry-After when that is in the future, else a default.</summary>
internal static class RetryDelay
{
    public static TimeSpan Until(DateTimeOffset? retryAfter, TimeProvider time, TimeSpan fallback)
    {
        var now = time.GetUtcNow();
        return retryAfter is { } at && at > now ? at - now : fallback;
    }
}
