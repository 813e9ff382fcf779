using System.Buffers.Binary;
using System.Text;

namespace CertOperator.Dns.Wire;

/// <summary>Big-endian writer for DNS wire format. Names are written uncompressed, which TSIG's canonical form needs anyway.</summary>
internal sealed class DnsWriter
{
    private const int MaxNameBytes = 255;
    private const int MaxLabelBytes = 63;
    private byte[] _buffer = new byte[512];

    public int Position { get; private set; }

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    public void WriteUInt48(ulong value)
    {
        WriteUInt16((ushort)(value >> 32));
        WriteUInt32((uint)value);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Writes a name as length-prefixed labels; <paramref name="lowercase"/> gives TSIG's canonical form.</summary>
    public void WriteName(string name, bool lowercase = false)
    {
        var start = Position;
        foreach (var label in DnsName.Labels(name))
        {
            var text = lowercase ? label.ToLowerInvariant() : label;
            var count = Encoding.UTF8.GetByteCount(text);
            if (count is 0 or > MaxLabelBytes)
            {
                throw new ArgumentException($"The name '{name}' has an empty label or one longer than {MaxLabelBytes} bytes.", nameof(name));
            }

            WriteByte((byte)count);
            Encoding.UTF8.GetBytes(text, Reserve(count));
        }

        WriteByte(0);
        if (Position - start > MaxNameBytes)
        {
            throw new ArgumentException($"The name '{name}' is longer than {MaxNameBytes} bytes.", nameof(name));
        }
    }

    public void WriteCharacterString(string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        if (count > TxtRecordData.MaxStringBytes)
        {
            throw new ArgumentException($"A TXT character-string is limited to {TxtRecordData.MaxStringBytes} bytes.", nameof(text));
        }

        WriteByte((byte)count);
        Encoding.UTF8.GetBytes(text, Reserve(count));
    }

    /// <summary>Overwrites a 16-bit value written earlier (RDLENGTH, section counts).</summary>
    public void PatchUInt16(int offset, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(offset, 2), value);

    public byte[] ToArray() => _buffer.AsSpan(0, Position).ToArray();

    private Span<byte> Reserve(int count)
    {
        if (Position + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Position + count));
        }

        var span = _buffer.AsSpan(Position, count);
        Position += count;
        return span;
    }
}
