namespace CertOperator.Dns.Wire;

/// <summary>TSIG RDATA (RFC 8945 §4.2); <see cref="TimeSigned"/> is seconds since the epoch (48 bits on the wire).</summary>
internal sealed record TsigRecordData(
    string Algorithm,
    ulong TimeSigned,
    ushort Fudge,
    ReadOnlyMemory<byte> Mac,
    ushort OriginalId,
    DnsRcode Error,
    ReadOnlyMemory<byte> OtherData) : RecordData;
