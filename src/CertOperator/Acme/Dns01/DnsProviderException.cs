namespace CertOperator.Acme.Dns01;

/// <summary>
/// A DNS provider's API refused or failed a call (authentication, zone not found, rate limit, server error).
/// The message names the provider, the call and the cause, never a credential; it is shown on the Challenge.
/// </summary>
internal sealed class DnsProviderException : Exception
{
    public DnsProviderException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner) => RetryAfter = retryAfter;

    /// <summary>How long the provider asked us to wait (a rate limit's Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
