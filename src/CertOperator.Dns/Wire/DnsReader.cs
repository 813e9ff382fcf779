using System.Buffers.Binary;
using System.Text;

namespace CertOperator.Dns.Wire;

/// <summary>Big-endian reader for DNS wire format that follows name compression pointers (RFC 1035 §4.1.4).</summary>
internal sealed class DnsReader(ReadOnlyMemory<byte> message)
{
    private const int MaxPointerJumps = 64;

    public int Position { get; private set; }

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ulong ReadUInt48() => ((ulong)ReadUInt16() << 32) | ReadUInt32();

    public ReadOnlyMemory<byte> ReadBytes(int count)
    {
        Take(count);
        return message.Slice(Position - count, count);
    }

    public string ReadCharacterString() => Encoding.UTF8.GetString(Take(ReadByte()));

    public string ReadName()
    {
        var name = new StringBuilder();
        var offset = Position;
        var resumeAt = -1;
        for (var jumps = 0; ;)
        {
            var length = At(offset);
            if (length == 0)
            {
                Position = resumeAt >= 0 ? resumeAt : offset + 1;
                return name.Length == 0 ? DnsName.Root : name.ToString();
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (++jumps > MaxPointerJumps)
                {
                    throw new FormatException("The DNS message has a name compression loop.");
                }

                resumeAt = resumeAt >= 0 ? resumeAt : offset + 2;
                offset = ((length & 0x3F) << 8) | At(offset + 1);
                continue;
            }

            if ((length & 0xC0) != 0 || offset + 1 + length > message.Length)
            {
                throw new FormatException($"The DNS message has a bad label at offset {offset}.");
            }

            name.Append(Encoding.UTF8.GetString(message.Span.Slice(offset + 1, length))).Append('.');
            offset += 1 + length;
        }
    }

    private byte At(int offset) => offset < message.Length
        ? message.Span[offset]
        : throw new FormatException($"The DNS message ends inside a name (offset {offset}).");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (Position + count > message.Length)
        {
            throw new FormatException($"The DNS message is truncated: {count} bytes needed at offset {Position} of {message.Length}.");
        }

        var span = message.Span.Slice(Position, count);
        Position += count;
        return span;
    }
}
