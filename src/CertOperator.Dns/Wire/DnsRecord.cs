namespace CertOperator.Dns.Wire;

/// <summary>A resource record; <see cref="Class"/> and <see cref="Ttl"/> are raw so OPT (payload size, extended flags) passes through.</summary>
internal sealed record DnsRecord(string Name, DnsType Type, DnsClass Class, uint Ttl, RecordData Data);
