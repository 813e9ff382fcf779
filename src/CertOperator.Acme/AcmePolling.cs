using CertOperator.Acme.Model;

namespace CertOperator.Acme;

/// <summary>
/// Waits for authorizations and orders to leave their transitional states. Honours Retry-After;
/// otherwise starts at 50 ms (local CAs finish within a few round trips) and backs off to 5 s.
/// Bounded only by the cancellation token, so callers choose the deadline.
/// </summary>
public static class AcmePolling
{
    internal static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(50);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private const double Growth = 1.6;

    /// <summary>Polls until the authorization is no longer pending (valid, invalid, expired, ...).</summary>
    public static async Task<AcmeAuthorization> WaitForAuthorizationAsync(
        this IAcmeClient client, Uri authorizationUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var delay = InitialDelay;
        while (true)
        {
            var authorization = await client.GetAuthorizationAsync(authorizationUrl, cancellationToken).ConfigureAwait(false);
            if (authorization.Status != AcmeStatus.Pending)
            {
                return authorization;
            }

            await Task.Delay(NextWait(authorization.RetryAfter, delay, time), time, cancellationToken).ConfigureAwait(false);
            delay = Grow(delay);
        }
    }

    /// <summary>Polls until the order is neither pending nor processing (ready, valid or invalid).</summary>
    public static async Task<AcmeOrder> WaitForOrderAsync(
        this IAcmeClient client, Uri orderUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var delay = InitialDelay;
        while (true)
        {
            var order = await client.GetOrderAsync(orderUrl, cancellationToken).ConfigureAwait(false);
            if (order.Status is not (AcmeStatus.Pending or AcmeStatus.Processing))
            {
                return order;
            }

            await Task.Delay(NextWait(order.RetryAfter, delay, time), time, cancellationToken).ConfigureAwait(false);
            delay = Grow(delay);
        }
    }

    /// <summary>The server's Retry-After wins when it names a later time than our own backoff step.</summary>
    internal static TimeSpan NextWait(DateTimeOffset? retryAfter, TimeSpan backoff, TimeProvider time)
    {
        if (retryAfter is { } until)
        {
            var serverWait = until - time.GetUtcNow();
            return serverWait > backoff ? serverWait : backoff;
        }

        return backoff;
    }

    internal static TimeSpan Grow(TimeSpan delay)
    {
        var next = TimeSpan.FromTicks((long)(delay.Ticks * Growth));
        return next > MaxDelay ? MaxDelay : next;
    }
}
