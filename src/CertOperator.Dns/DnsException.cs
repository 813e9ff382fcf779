namespace CertOperator.Dns;

/// <summary>
/// A failed DNS update or lookup. The message names the problem and the fix and never contains a TSIG secret.
/// </summary>
public sealed class DnsException : Exception
{
    public DnsException()
    {
    }

    public DnsException(string message)
        : base(message)
    {
    }

    public DnsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DnsException(DnsFailure failure, string nameserver, string message, DnsRcode? rcode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Nameserver = nameserver;
        Rcode = rcode;
    }

    public DnsFailure Failure { get; }

    /// <summary>The nameserver ("host:port") that failed.</summary>
    public string Nameserver { get; } = string.Empty;

    /// <summary>The header RCODE or TSIG error, when the server answered with one.</summary>
    public DnsRcode? Rcode { get; }
}
