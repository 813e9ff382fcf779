using System.Net;

namespace CertOperator.Dns.Wire;

/// <summary>Reads and writes the RDATA of each modelled record type.</summary>
internal static class RecordDataCodec
{
    public static void Write(DnsWriter writer, DnsType type, RecordData data)
    {
        switch (data)
        {
            case AddressRecordData address:
                writer.WriteBytes(address.Address.GetAddressBytes());
                break;
            case NameRecordData name:
                writer.WriteName(name.Target);
                break;
            case SoaRecordData soa:
                writer.WriteName(soa.PrimaryNameserver);
                writer.WriteName(soa.Mailbox);
                writer.WriteUInt32(soa.Serial);
                writer.WriteUInt32(soa.Refresh);
                writer.WriteUInt32(soa.Retry);
                writer.WriteUInt32(soa.Expire);
                writer.WriteUInt32(soa.Minimum);
                break;
            case TxtRecordData txt:
                foreach (var text in txt.Strings)
                {
                    writer.WriteCharacterString(text);
                }

                break;
            case TsigRecordData tsig:
                WriteTsig(writer, tsig);
                break;
            case RawRecordData raw:
                writer.WriteBytes(raw.Bytes.Span);
                break;
            default:
                throw new ArgumentException($"No encoding for {data.GetType().Name} as {type}.", nameof(data));
        }
    }

    public static RecordData Read(DnsReader reader, DnsType type, int length)
    {
        var end = reader.Position + length;
        if (length == 0)
        {
            return new RawRecordData(ReadOnlyMemory<byte>.Empty);
        }

        RecordData data = type switch
        {
            DnsType.A when length == 4 => new AddressRecordData(new IPAddress(reader.ReadBytes(4).Span)),
            DnsType.Aaaa when length == 16 => new AddressRecordData(new IPAddress(reader.ReadBytes(16).Span)),
            DnsType.Ns or DnsType.Cname => new NameRecordData(reader.ReadName()),
            DnsType.Soa => new SoaRecordData(reader.ReadName(), reader.ReadName(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32()),
            DnsType.Txt => ReadTxt(reader, end),
            DnsType.Tsig => ReadTsig(reader),
            _ => new RawRecordData(reader.ReadBytes(length)),
        };
        if (reader.Position != end)
        {
            throw new FormatException($"The {type} record's RDATA length {length} does not match its contents.");
        }

        return data;
    }

    private static TxtRecordData ReadTxt(DnsReader reader, int end)
    {
        var strings = new List<string>();
        while (reader.Position < end)
        {
            strings.Add(reader.ReadCharacterString());
        }

        return new TxtRecordData(strings);
    }

    private static void WriteTsig(DnsWriter writer, TsigRecordData tsig)
    {
        writer.WriteName(tsig.Algorithm, lowercase: true);
        writer.WriteUInt48(tsig.TimeSigned);
        writer.WriteUInt16(tsig.Fudge);
        writer.WriteUInt16((ushort)tsig.Mac.Length);
        writer.WriteBytes(tsig.Mac.Span);
        writer.WriteUInt16(tsig.OriginalId);
        writer.WriteUInt16((ushort)tsig.Error);
        writer.WriteUInt16((ushort)tsig.OtherData.Length);
        writer.WriteBytes(tsig.OtherData.Span);
    }

    private static TsigRecordData ReadTsig(DnsReader reader)
    {
        var algorithm = reader.ReadName();
        var timeSigned = reader.ReadUInt48();
        var fudge = reader.ReadUInt16();
        var mac = reader.ReadBytes(reader.ReadUInt16());
        var originalId = reader.ReadUInt16();
        var error = (DnsRcode)reader.ReadUInt16();
        var otherData = reader.ReadBytes(reader.ReadUInt16());
        return new TsigRecordData(algorithm, timeSigned, fudge, mac, originalId, error, otherData);
    }
}
