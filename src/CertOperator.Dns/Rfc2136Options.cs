namespace CertOperator.Dns;

/// <summary>Settings of an RFC 2136 issuer solver, mirroring cert-manager's <c>rfc2136</c> block.</summary>
public sealed record Rfc2136Options
{
    /// <summary>The primary nameserver, "host", "host:port" or "[ipv6]:port" (port 53 when omitted).</summary>
    public required string Nameserver { get; init; }

    /// <summary>The TSIG key; null sends unsigned updates.</summary>
    public TsigKey? TsigKey { get; init; }

    public DnsProtocol Protocol { get; init; } = DnsProtocol.Udp;

    /// <summary>The zone to update; null finds it by SOA lookup against <see cref="Nameserver"/>.</summary>
    public string? Zone { get; init; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a request is sent before giving up (updates are idempotent, so resending is safe).</summary>
    public int Attempts { get; init; } = 3;
}
