namespace CertOperator.Dns.Wire;

/// <summary>A DNS message (RFC 1035 §4.1). In an UPDATE the sections are zone, prerequisite, update, additional (RFC 2136 §2).</summary>
internal sealed record DnsMessage
{
    public required ushort Id { get; init; }

    public bool IsResponse { get; init; }

    public DnsOpcode Opcode { get; init; }

    public bool Authoritative { get; init; }

    public bool Truncated { get; init; }

    public bool RecursionDesired { get; init; }

    public bool RecursionAvailable { get; init; }

    /// <summary>The 4-bit header RCODE.</summary>
    public DnsRcode Rcode { get; init; }

    public IReadOnlyList<DnsQuestion> Questions { get; init; } = [];

    public IReadOnlyList<DnsRecord> Answers { get; init; } = [];

    public IReadOnlyList<DnsRecord> Authorities { get; init; } = [];

    public IReadOnlyList<DnsRecord> Additionals { get; init; } = [];

    /// <summary>The TSIG record, which RFC 8945 §5.1 requires to be the last additional record.</summary>
    public DnsRecord? Tsig => Additionals.Count > 0 && Additionals[^1].Type == DnsType.Tsig ? Additionals[^1] : null;
}
