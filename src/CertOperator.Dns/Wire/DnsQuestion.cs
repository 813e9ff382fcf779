namespace CertOperator.Dns.Wire;

/// <summary>A question (or, in an UPDATE, the zone section entry).</summary>
internal sealed record DnsQuestion(string Name, DnsType Type, DnsClass Class = DnsClass.In);
