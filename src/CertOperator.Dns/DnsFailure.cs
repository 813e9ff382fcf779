namespace CertOperator.Dns;

/// <summary>What went wrong talking to a nameserver.</summary>
public enum DnsFailure
{
    /// <summary>No answer within the timeout after every attempt, or the connection was refused.</summary>
    Unreachable,

    /// <summary>The server answered with an error RCODE (NOTAUTH, REFUSED, NOTZONE, SERVFAIL, …).</summary>
    Rejected,

    /// <summary>The TSIG exchange failed (BADSIG, BADKEY, BADTIME) or a response could not be verified.</summary>
    TsigRejected,

    /// <summary>No zone containing the name was found by SOA lookup.</summary>
    ZoneNotFound,

    /// <summary>The answer was not a well-formed DNS message for the request.</summary>
    MalformedResponse,
}
