namespace CertOperator.Acme;

/// <summary>
/// A request to the ACME server failed below HTTP: no connection, a rejected TLS certificate, a broken
/// response. Names the request and the cause; <see cref="HttpRequestException.HttpRequestError"/> says which kind.
/// </summary>
public sealed class AcmeConnectionException : HttpRequestException
{
    public AcmeConnectionException()
    {
    }

    public AcmeConnectionException(string message)
        : base(message)
    {
        Cause = message;
    }

    public AcmeConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Cause = message;
    }

    public AcmeConnectionException(string method, Uri requestUrl, HttpRequestError error, Exception innerException)
        : base(error, $"{method} {requestUrl} failed: {Innermost(innerException)}", innerException)
    {
        Method = method;
        RequestUrl = requestUrl;
        Cause = Innermost(innerException);
    }

    public string Method { get; } = string.Empty;

    /// <summary>The URL of the request that failed.</summary>
    public Uri? RequestUrl { get; }

    /// <summary>Why, in .NET's words: an untrusted chain, a name mismatch, a refused connection.</summary>
    public string Cause { get; } = string.Empty;

    /// <summary>
    /// The message of the deepest exception that has one: .NET wraps the cause in exceptions that only say
    /// "The SSL connection could not be established, see inner exception".
    /// </summary>
    private static string Innermost(Exception? e)
    {
        var message = e?.Message ?? string.Empty;
        for (var inner = e?.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!string.IsNullOrWhiteSpace(inner.Message))
            {
                message = inner.Message;
            }
        }

        return message.TrimEnd('.', ' ');
    }
}
