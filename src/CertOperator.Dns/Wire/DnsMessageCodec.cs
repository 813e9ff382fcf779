namespace CertOperator.Dns.Wire;

/// <summary>Encodes and decodes whole DNS messages (RFC 1035 §4.1).</summary>
internal static class DnsMessageCodec
{
    public static byte[] Encode(DnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new DnsWriter();
        writer.WriteUInt16(message.Id);
        writer.WriteUInt16(Flags(message));
        writer.WriteUInt16((ushort)message.Questions.Count);
        writer.WriteUInt16((ushort)message.Answers.Count);
        writer.WriteUInt16((ushort)message.Authorities.Count);
        writer.WriteUInt16((ushort)message.Additionals.Count);
        foreach (var question in message.Questions)
        {
            writer.WriteName(question.Name);
            writer.WriteUInt16((ushort)question.Type);
            writer.WriteUInt16((ushort)question.Class);
        }

        foreach (var record in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
        {
            WriteRecord(writer, record);
        }

        return writer.ToArray();
    }

    public static void WriteRecord(DnsWriter writer, DnsRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteName(record.Name, lowercase: record.Type == DnsType.Tsig);
        writer.WriteUInt16((ushort)record.Type);
        writer.WriteUInt16((ushort)record.Class);
        writer.WriteUInt32(record.Ttl);
        var lengthAt = writer.Position;
        writer.WriteUInt16(0);
        RecordDataCodec.Write(writer, record.Type, record.Data);
        writer.PatchUInt16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
    }

    public static DnsMessage Decode(ReadOnlyMemory<byte> bytes) => Decode(bytes, out _);

    /// <summary>Decodes a message; <paramref name="lastRecordOffset"/> is where the last record starts, so TSIG can be cut off for verification.</summary>
    public static DnsMessage Decode(ReadOnlyMemory<byte> bytes, out int lastRecordOffset)
    {
        var reader = new DnsReader(bytes);
        var id = reader.ReadUInt16();
        var flags = reader.ReadUInt16();
        var counts = new[] { reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadUInt16() };
        var questions = new List<DnsQuestion>(counts[0]);
        for (var i = 0; i < counts[0]; i++)
        {
            questions.Add(new DnsQuestion(reader.ReadName(), (DnsType)reader.ReadUInt16(), (DnsClass)reader.ReadUInt16()));
        }

        lastRecordOffset = -1;
        var sections = new List<DnsRecord>[3];
        for (var section = 0; section < 3; section++)
        {
            sections[section] = new List<DnsRecord>(counts[section + 1]);
            for (var i = 0; i < counts[section + 1]; i++)
            {
                lastRecordOffset = reader.Position;
                sections[section].Add(ReadRecord(reader));
            }
        }

        return new DnsMessage
        {
            Id = id,
            IsResponse = (flags & 0x8000) != 0,
            Opcode = (DnsOpcode)((flags >> 11) & 0xF),
            Authoritative = (flags & 0x0400) != 0,
            Truncated = (flags & 0x0200) != 0,
            RecursionDesired = (flags & 0x0100) != 0,
            RecursionAvailable = (flags & 0x0080) != 0,
            Rcode = (DnsRcode)(flags & 0xF),
            Questions = questions,
            Answers = sections[0],
            Authorities = sections[1],
            Additionals = sections[2],
        };
    }

    private static DnsRecord ReadRecord(DnsReader reader)
    {
        var name = reader.ReadName();
        var type = (DnsType)reader.ReadUInt16();
        var @class = (DnsClass)reader.ReadUInt16();
        var ttl = reader.ReadUInt32();
        var length = reader.ReadUInt16();
        return new DnsRecord(name, type, @class, ttl, RecordDataCodec.Read(reader, type, length));
    }

    private static ushort Flags(DnsMessage message) => (ushort)(
        (message.IsResponse ? 0x8000 : 0)
        | (((int)message.Opcode & 0xF) << 11)
        | (message.Authoritative ? 0x0400 : 0)
        | (message.Truncated ? 0x0200 : 0)
        | (message.RecursionDesired ? 0x0100 : 0)
        | (message.RecursionAvailable ? 0x0080 : 0)
        | ((int)message.Rcode & 0xF));
}
