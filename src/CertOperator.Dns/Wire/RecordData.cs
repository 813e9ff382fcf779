using System.Net;

namespace CertOperator.Dns.Wire;

/// <summary>Typed RDATA of a resource record.</summary>
internal abstract record RecordData;

internal sealed record AddressRecordData(IPAddress Address) : RecordData;

/// <summary>A single domain name as RDATA (NS, CNAME).</summary>
internal sealed record NameRecordData(string Target) : RecordData;

internal sealed record SoaRecordData(string PrimaryNameserver, string Mailbox, uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum) : RecordData;

/// <summary>RDATA kept as bytes: OPT, types this library does not model, and empty RDATA of RFC 2136 deletes.</summary>
internal sealed record RawRecordData(ReadOnlyMemory<byte> Bytes) : RecordData;
