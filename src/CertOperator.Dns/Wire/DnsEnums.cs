namespace CertOperator.Dns.Wire;

/// <summary>Resource record types this library reads or writes (RFC 1035 §3.2.2, RFC 3596, RFC 6891, RFC 8945).</summary>
internal enum DnsType : ushort
{
    A = 1,
    Ns = 2,
    Cname = 5,
    Soa = 6,
    Txt = 16,
    Aaaa = 28,
    Opt = 41,
    Tsig = 250,
}

/// <summary>RR classes; NONE and ANY carry RFC 2136 delete semantics in the update section.</summary>
internal enum DnsClass : ushort
{
    In = 1,
    None = 254,
    Any = 255,
}

internal enum DnsOpcode : byte
{
    Query = 0,
    Update = 5,
}
