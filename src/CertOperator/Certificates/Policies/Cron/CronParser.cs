using System.Globalization;
using CertOperator.Certificates.Pki;

namespace CertOperator.Certificates.Policies.Cron;

/// <summary>
/// cert-manager's util.CronParse: robfig/cron's parser with minute, hour, day-of-month, month, day-of-week and
/// descriptors (`@daily`, `@every 1h`, …), an optional `CRON_TZ=`/`TZ=` prefix, and robfig's error wording.
/// </summary>
internal static class CronParser
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Each field's bounds and the names it accepts (the first name stands for the minimum).</summary>
    private static readonly (int Min, int Max, string[]? Names)[] Bounds =
    [
        (0, 59, null), (0, 23, null), (1, 31, null), (1, 12, MonthNames), (0, 6, DayNames),
    ];

    /// <summary>Parses <paramref name="cron"/> in <paramref name="timeZone"/> (prefixed as CRON_TZ when set); the error reads like cert-manager's.</summary>
    public static (CronSchedule? Schedule, string? Error) Parse(string cron, string? timeZone)
    {
        var spec = string.IsNullOrEmpty(timeZone) ? cron : $"CRON_TZ={timeZone} {cron}";
        var (schedule, error) = ParseSpec(spec);
        return error is null ? (schedule, null) : (null, $"failed to parse cron spec '{cron}': {error}");
    }

    private static (CronSchedule? Schedule, string? Error) ParseSpec(string spec)
    {
        if (spec.Length == 0)
        {
            return (null, "empty spec string");
        }

        TimeZoneInfo? zone = null;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            if (space == -1)
            {
                return (null, $"expected timezone prefix to be followed by a cron spec: {spec}");
            }

            var name = spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (GoLocation.Load(name) is not { } loaded)
            {
                return (null, $"provided bad location {name}: unknown time zone {name}");
            }

            zone = loaded;
            spec = spec[space..].Trim();
        }

        // Without a prefix robfig evaluates in the zone of the instant it is given, and ours are UTC.
        zone ??= TimeZoneInfo.Utc;
        return spec.StartsWith('@') ? ParseDescriptor(spec, zone) : ParseFields(spec, zone);
    }

    private static (CronSchedule?, string?) ParseFields(string spec, TimeZoneInfo zone)
    {
        var fields = spec.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return (null, $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]");
        }

        var bits = new ulong[5];
        for (var i = 0; i < 5; i++)
        {
            foreach (var range in fields[i].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var (bit, error) = Range(range, Bounds[i]);
                if (error is not null)
                {
                    return (null, error);
                }

                bits[i] |= bit;
            }
        }

        return (new CronFieldSchedule(bits[0], bits[1], bits[2], bits[3], bits[4], zone), null);
    }

    private static (ulong Bits, string? Error) Range(string expr, (int Min, int Max, string[]? Names) r)
    {
        var rangeAndStep = expr.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        int start, end;
        var extra = 0UL;
        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end, extra) = (r.Min, r.Max, CronFieldSchedule.StarBit);
        }
        else
        {
            if (Number(lowAndHigh[0], r) is not { } low)
            {
                return (0, NumberError(lowAndHigh[0]));
            }

            start = end = low;
            if (lowAndHigh.Length == 2)
            {
                if (Number(lowAndHigh[1], r) is not { } high)
                {
                    return (0, NumberError(lowAndHigh[1]));
                }

                end = high;
            }
            else if (lowAndHigh.Length > 2)
            {
                return (0, $"too many hyphens: {expr}");
            }
        }

        var step = 1;
        if (rangeAndStep.Length == 2)
        {
            if (Number(rangeAndStep[1], (0, 0, null)) is not { } parsed)
            {
                return (0, NumberError(rangeAndStep[1]));
            }

            step = parsed;
            end = lowAndHigh.Length == 1 ? r.Max : end;
            extra = step > 1 ? 0 : extra;
        }
        else if (rangeAndStep.Length > 2)
        {
            return (0, $"too many slashes: {expr}");
        }

        var error = start < r.Min ? $"beginning of range ({start}) below minimum ({r.Min}): {expr}"
            : end > r.Max ? $"end of range ({end}) above maximum ({r.Max}): {expr}"
            : start > end ? $"beginning of range ({start}) beyond end of range ({end}): {expr}"
            : step == 0 ? $"step of range should be a positive number: {expr}"
            : null;
        if (error is not null)
        {
            return (0, error);
        }

        var bits = 0UL;
        for (var i = start; i <= end; i += step)
        {
            bits |= 1UL << i;
        }

        return (bits | extra, null);
    }

    private static int? Number(string text, (int Min, int Max, string[]? Names) r)
    {
        var named = r.Names is null ? -1 : Array.IndexOf(r.Names, text.ToLowerInvariant());
        if (named >= 0)
        {
            return r.Min + named;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
    }

    private static string NumberError(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? $"negative number ({value}) not allowed: {text}"
            : $"failed to parse int from {text}: strconv.Atoi: parsing \"{text}\": invalid syntax";

    private static (CronSchedule?, string?) ParseDescriptor(string descriptor, TimeZoneInfo zone)
    {
        const ulong AllHours = (1UL << 24) - 1, AllDays = ((1UL << 32) - 1) & ~1UL;
        const ulong AllMonths = ((1UL << 13) - 1) & ~1UL, AllWeekdays = (1UL << 7) - 1, Star = CronFieldSchedule.StarBit;
        CronSchedule? schedule = descriptor switch
        {
            "@yearly" or "@annually" => new CronFieldSchedule(1, 1, 1UL << 1, 1UL << 1, AllWeekdays | Star, zone),
            "@monthly" => new CronFieldSchedule(1, 1, 1UL << 1, AllMonths | Star, AllWeekdays | Star, zone),
            "@weekly" => new CronFieldSchedule(1, 1, AllDays | Star, AllMonths | Star, 1, zone),
            "@daily" or "@midnight" => new CronFieldSchedule(1, 1, AllDays | Star, AllMonths | Star, AllWeekdays | Star, zone),
            "@hourly" => new CronFieldSchedule(1, AllHours | Star, AllDays | Star, AllMonths | Star, AllWeekdays | Star, zone),
            _ => null,
        };
        if (schedule is not null)
        {
            return (schedule, null);
        }

        const string Every = "@every ";
        if (!descriptor.StartsWith(Every, StringComparison.Ordinal))
        {
            return (null, $"unrecognized descriptor: {descriptor}");
        }

        var duration = descriptor[Every.Length..];
        return GoDuration.TryParse(duration, out var delay)
            ? (new CronEverySchedule(delay), null)
            : (null, $"failed to parse duration {descriptor}: time: invalid duration \"{duration}\"");
    }
}
