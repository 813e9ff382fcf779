using System.Text;

namespace CertOperator.IngressShim;

/// <summary>
/// The subject annotations hold one line of CSV read the way Go's encoding/csv reads it in cert-manager:
/// values are not trimmed, a quote may only open and close a whole value, and empty text or a second line
/// is refused. Matching it exactly keeps subjects identical to the ones cert-manager would issue.
/// </summary>
internal static class IngressCsv
{
    private const string Example = "quote a value that holds a comma, e.g. \"Acme, Inc\",Globex";

    public static (List<string>? Values, string? Problem) Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var position = SkipEmptyLines(lines, 0);
        if (position == lines.Length)
        {
            return (null, $"no values found; write one or more comma-separated values, {Example}");
        }

        var values = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            field.Clear();
            if (position < lines.Length && lines[position] == '"')
            {
                if (ReadQuoted(lines, position + 1, field) is not { } end)
                {
                    return (null, $"a quoted value is not closed properly (a \" inside quotes is written \"\"); {Example}");
                }

                position = end;
            }
            else
            {
                var end = lines.IndexOfAny([',', '\n'], position);
                end = end < 0 ? lines.Length : end;
                if (lines.AsSpan(position, end - position).Contains('"'))
                {
                    return (null, $"a \" may only open and close a whole value; {Example}");
                }

                field.Append(lines, position, end - position);
                position = end;
            }

            values.Add(field.ToString());
            if (position < lines.Length && lines[position] == ',')
            {
                position++;
                continue;
            }

            break;
        }

        return SkipEmptyLines(lines, position) == lines.Length
            ? (values, null)
            : (null, "holds more than one line of values; put every value on one line, separated by commas");
    }

    /// <summary>Reads a quoted value from just after its opening quote; returns where the next separator starts.</summary>
    private static int? ReadQuoted(string text, int position, StringBuilder field)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c != '"')
            {
                field.Append(c);
                position++;
            }
            else if (position + 1 < text.Length && text[position + 1] == '"')
            {
                field.Append('"');
                position += 2;
            }
            else
            {
                var next = position + 1;
                return next == text.Length || text[next] is ',' or '\n' ? next : null;
            }
        }

        return null;
    }

    private static int SkipEmptyLines(string text, int position)
    {
        while (position < text.Length && text[position] == '\n')
        {
            position++;
        }

        return position;
    }
}
