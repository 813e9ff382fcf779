using System.Text;

namespace CertOperator.Dns.Wire;

/// <summary>TXT RDATA: one or more character-strings of at most 255 bytes each (RFC 1035 §3.3.14).</summary>
internal sealed record TxtRecordData(IReadOnlyList<string> Strings) : RecordData
{
    public const int MaxStringBytes = 255;

    /// <summary>The strings joined, which is how ACME validators read a TXT record.</summary>
    public string Value => string.Concat(Strings);

    /// <summary>Splits a value into character-strings of at most 255 UTF-8 bytes, never inside a character.</summary>
    public static TxtRecordData FromValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var strings = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (chunkBytes + rune.Utf8SequenceLength > MaxStringBytes)
            {
                strings.Add(chunk.ToString());
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(rune.ToString());
            chunkBytes += rune.Utf8SequenceLength;
        }

        strings.Add(chunk.ToString());
        return new TxtRecordData(strings);
    }
}
