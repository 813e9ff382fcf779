namespace CertOperator.Acme;

/// <summary>
/// The ACME server did not answer one request (headers and body) within
/// <see cref="AcmeClientOptions.RequestTimeout"/>. Not retried by the client: a server that accepts
/// connections and never answers would otherwise hold the caller for several timeouts in a row.
/// </summary>
public sealed class AcmeTimeoutException : TimeoutException
{
    public AcmeTimeoutException()
    {
    }

    public AcmeTimeoutException(string message)
        : base(message)
    {
    }

    public AcmeTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AcmeTimeoutException(string method, Uri requestUrl, TimeSpan timeout)
        : base($"The ACME server did not answer {method} {requestUrl} within {timeout.TotalSeconds:0.#}s.")
    {
        Method = method;
        RequestUrl = requestUrl;
        Timeout = timeout;
    }

    public string Method { get; } = string.Empty;

    /// <summary>The URL of the request that got no answer.</summary>
    public Uri? RequestUrl { get; }

    public TimeSpan Timeout { get; }
}
