using System.Globalization;
using System.Text;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Go's time.ParseDuration and Duration.String, which is how cert-manager's YAML spells durations
/// ("2160h", "1h30m", "1.5h", "300ms"). Precision is .NET's 100 ns tick; Go's nanoseconds below it are dropped.
/// </summary>
internal static class GoDuration
{
    private const long NanosPerTick = 100;

    private static readonly (string Unit, long Nanos)[] Units =
    [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        var result = Parse(text, "duration");
        value = result.Ok ? result.Value : TimeSpan.Zero;
        return result.Ok;
    }

    /// <summary>Parses <paramref name="text"/>; a failure names <paramref name="field"/> and shows valid examples.</summary>
    public static PkiResult<TimeSpan> Parse(string? text, string field)
    {
        var nanos = ParseNanos(text ?? "");
        return nanos is { } n
            ? TimeSpan.FromTicks(n / NanosPerTick)
            : new PkiError(PkiError.InvalidDuration,
                $"{field}: \"{text}\" is not a Go duration; use a number with a unit (h, m, s, ms, us, ns), e.g. \"2160h\", \"1h30m\", \"90m\" or \"1.5h\"",
                field);
    }

    private static long? ParseNanos(string s)
    {
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s == "0")
        {
            return 0;
        }

        if (s.Length == 0)
        {
            return null;
        }

        decimal total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var number = s[start..i];
            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = Array.Find(Units, u => u.Unit == s[unitStart..i]);
            if (!IsNumber(number) || unit.Unit is null)
            {
                return null;
            }

            total += decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * unit.Nanos;
            if (total > long.MaxValue)
            {
                return null;
            }
        }

        var nanos = (long)decimal.Truncate(total);
        return negative ? -nanos : nanos;
    }

    private static bool IsNumber(string number) =>
        number.Length > 0 && number != "." && number.Count(c => c == '.') <= 1;

    /// <summary>Formats like Go's Duration.String: "2160h0m0s", "1h30m0s", "1.5s", "300ms", "0s".</summary>
    public static string Format(TimeSpan value)
    {
        var nanos = value.Ticks * NanosPerTick;
        if (nanos == 0)
        {
            return "0s";
        }

        var sign = nanos < 0 ? "-" : "";
        var abs = nanos < 0 ? -(decimal)nanos : nanos;
        if (abs < 1_000_000_000)
        {
            var (unit, size) = abs < 1_000 ? ("ns", 1m) : abs < 1_000_000 ? ("µs", 1_000m) : ("ms", 1_000_000m);
            return sign + Trim(abs / size) + unit;
        }

        var builder = new StringBuilder(sign);
        var hours = decimal.Truncate(abs / 3_600_000_000_000m);
        var minutes = decimal.Truncate(abs % 3_600_000_000_000m / 60_000_000_000m);
        var seconds = abs % 60_000_000_000m / 1_000_000_000m;
        if (hours > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        return builder.Append(Trim(seconds)).Append('s').ToString();
    }

    private static string Trim(decimal value) =>
        value.ToString("0.#########", CultureInfo.InvariantCulture);
}
