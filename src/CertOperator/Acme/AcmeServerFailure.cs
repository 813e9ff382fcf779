namespace CertOperator.Acme;

/// <summary>
/// Says in one sentence why talking to an ACME server failed, for the condition or status reason a user
/// reads: which server, and what happened (no answer, no connection, a rejected certificate, its error). The cause of a
/// connection failure is .NET's innermost message (<see cref="AcmeConnectionException.Cause"/>), never "see inner exception".
/// </summary>
internal static class AcmeServerFailure
{
    /// <summary>The failures of a request to the ACME server; anything else is a bug and stays an exception.</summary>
    public static bool Covers(Exception e) => e is AcmeProblemException or AcmeTimeoutException or AcmeConnectionException;

    public static string Describe(Exception e, string server) => e switch
    {
        AcmeTimeoutException t when Uri.TryCreate(server, UriKind.Absolute, out var directory) && t.RequestUrl == directory =>
            $"the ACME server {server} did not answer within {Seconds(t.Timeout)}",
        AcmeTimeoutException t => $"the ACME server {server} did not answer {t.Method} {t.RequestUrl} within {Seconds(t.Timeout)}",
        AcmeProblemException p => $"the ACME server {server} answered: {p.Detail ?? p.Type}",
        AcmeConnectionException { HttpRequestError: HttpRequestError.SecureConnectionError } c =>
            $"the TLS connection to the ACME server {server} failed: {c.Cause}{TlsHint(c.Cause)}",
        AcmeConnectionException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } c =>
            $"cannot connect to the ACME server {server}: {c.Cause}",
        AcmeConnectionException c => $"the request to the ACME server {server} failed: {c.Cause}",
        _ => $"the request to the ACME server {server} failed: {e.Message}",
    };

    /// <summary>What to check, for the two TLS failures users cause: a CA bundle that does not match, a server URL with the wrong host.</summary>
    private static string TlsHint(string cause) =>
        cause.Contains("certificate chain", StringComparison.Ordinal)
            ? " (the server's certificate does not chain to a CA in spec.acme.caBundle, or in the system trust store when that is unset)"
            : cause.Contains("RemoteCertificateNameMismatch", StringComparison.Ordinal)
                ? " (the server's certificate is not for the host in spec.acme.server)"
                : "";

    private static string Seconds(TimeSpan timeout) => $"{timeout.TotalSeconds:0.#}s";
}
