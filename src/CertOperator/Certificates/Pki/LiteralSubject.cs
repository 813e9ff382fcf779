using System.Globalization;
using System.Text;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Parses `spec.literalSubject`, an RFC 4514 string such as `CN=foo,OU=web+O=Example,DC=example,DC=com`,
/// into RDNs in encoding order (RFC 4514 writes the most significant RDN last). Accepts cert-manager's
/// attribute names or dotted OIDs, and backslash escapes including `\XX` hex pairs.
/// </summary>
internal static class LiteralSubject
{
    private const string Field = "spec.literalSubject";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = "2.5.4.6", ["O"] = "2.5.4.10", ["OU"] = "2.5.4.11", ["CN"] = SubjectName.CommonNameOid,
        ["SERIALNUMBER"] = "2.5.4.5", ["L"] = "2.5.4.7", ["ST"] = "2.5.4.8", ["STREET"] = "2.5.4.9",
        ["POSTALCODE"] = "2.5.4.17", ["UID"] = "0.9.2342.19200300.100.1.1", ["DC"] = "0.9.2342.19200300.100.1.25",
    };

    public static PkiResult<List<IReadOnlyList<(string Oid, string Value)>>> Parse(string text)
    {
        var rdns = new List<IReadOnlyList<(string, string)>>();
        var current = new List<(string, string)>();
        var i = 0;
        while (i < text.Length)
        {
            var attribute = ParseAttribute(text, ref i);
            if (!attribute.Ok)
            {
                return attribute.Error;
            }

            current.Add(attribute.Value);
            if (i < text.Length && text[i] == '+')
            {
                i++;
                continue;
            }

            rdns.Add(current);
            current = [];
            if (i < text.Length)
            {
                i++;
            }
        }

        rdns.Reverse();
        return rdns.Count == 0 ? Error("is empty") : rdns;
    }

    private static PkiResult<(string, string)> ParseAttribute(string text, ref int i)
    {
        var equals = text.IndexOf('=', i);
        if (equals < 0)
        {
            return Error($"\"{text[i..]}\" has no '='");
        }

        var key = text[i..equals].Trim();
        var oid = Names.TryGetValue(key, out var known) ? known
            : key.Length > 0 && key.All(c => char.IsAsciiDigit(c) || c == '.') && char.IsAsciiDigit(key[0]) ? key
            : null;
        if (oid is null)
        {
            return Error($"contains unrecognized attribute \"{key}\"; use one of {string.Join(", ", Names.Keys)} or a dotted OID");
        }

        i = equals + 1;
        var value = new StringBuilder();
        var bytes = new List<byte>();
        while (i < text.Length && text[i] is not (',' or '+'))
        {
            if (text[i] != '\\')
            {
                FlushBytes(value, bytes);
                value.Append(text[i++]);
                continue;
            }

            if (i + 1 >= text.Length)
            {
                return Error("ends with a lone '\\'");
            }

            if (i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
                continue;
            }

            FlushBytes(value, bytes);
            value.Append(text[i + 1]);
            i += 2;
        }

        FlushBytes(value, bytes);
        return (oid, value.ToString().Trim());
    }

    private static void FlushBytes(StringBuilder value, List<byte> bytes)
    {
        value.Append(Encoding.UTF8.GetString([.. bytes]));
        bytes.Clear();
    }

    private static PkiError Error(string problem) =>
        new(PkiError.InvalidSpec, $"{Field}: the RFC 4514 subject {problem}", Field);
}
