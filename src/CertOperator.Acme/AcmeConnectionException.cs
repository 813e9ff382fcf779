namespace CertOperator.Acme;

/// <summary>
/// A request to the ACME server failed below HTTP: no connection, a rejected TLS certificate, a broken
/// response. Names the request; <see cref="HttpRequestException.HttpRequestError"/> says which kind, and
/// the inner exception is .NET's own, whose innermost message carries the cause.
/// </summary>
public sealed class AcmeConnectionException : HttpRequestException
{
    public AcmeConnectionException()
    {
    }

    public AcmeConnectionException(string message)
        : base(message)
    {
    }

    public AcmeConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AcmeConnectionException(string method, Uri requestUrl, HttpRequestError error, Exception innerException)
        : base(error, $"{method} {requestUrl} failed: {innerException?.Message}", innerException)
    {
        Method = method;
        RequestUrl = requestUrl;
    }

    public string Method { get; } = string.Empty;

    /// <summary>The URL of the request that failed.</summary>
    public Uri? RequestUrl { get; }
}
