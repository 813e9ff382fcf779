namespace CertOperator.Certificates.Policies.Cron;

/// <summary>
/// A five-field cron expression as bit sets per field, evaluated in its time zone exactly as robfig/cron's
/// SpecSchedule (the copy in cert-manager's internal/cron) does, DST quirks included.
/// </summary>
internal sealed class CronFieldSchedule(ulong minute, ulong hour, ulong dayOfMonth, ulong month, ulong dayOfWeek, TimeZoneInfo zone) : CronSchedule
{
    /// <summary>Set on a field written as `*` or `?`: day-of-month and day-of-week then both have to match.</summary>
    public const ulong StarBit = 1UL << 63;

    private const int YearsSearched = 5;

    public override DateTimeOffset Next(DateTimeOffset after)
    {
        var z = new ZonedTime(zone);
        var t = after + TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(after.UtcTicks % TimeSpan.TicksPerSecond);
        var added = false;
        var yearLimit = z.Local(t).Year + YearsSearched;
        while (true)
        {
            if (z.Local(t).Year > yearLimit)
            {
                return Never;
            }

            if (!Advance(z, ref t, ref added))
            {
                return t;
            }
        }
    }

    /// <summary>One pass over the fields from month down; false once every field matches, true when a field wrapped.</summary>
    private bool Advance(ZonedTime z, ref DateTimeOffset t, ref bool added)
    {
        while (!Has(month, z.Local(t).Month))
        {
            if (!added)
            {
                added = true;
                var l = z.Local(t);
                t = z.Date(l.Year, l.Month, 1, 0, 0, 0);
            }

            t = z.AddDate(t, 1, 0);
            if (z.Local(t).Month == 1)
            {
                return true;
            }
        }

        while (!DayMatches(z.Local(t)))
        {
            if (!added)
            {
                added = true;
                var l = z.Local(t);
                t = z.Date(l.Year, l.Month, l.Day, 0, 0, 0);
            }

            t = z.AddDate(t, 0, 1);
            // A DST change can move midnight: snap back to the start of the day.
            var hourNow = z.Local(t).Hour;
            if (hourNow != 0)
            {
                t += TimeSpan.FromHours(hourNow > 12 ? 24 - hourNow : -hourNow);
            }

            if (z.Local(t).Day == 1)
            {
                return true;
            }
        }

        while (!Has(hour, z.Local(t).Hour))
        {
            if (!added)
            {
                added = true;
                var l = z.Local(t);
                t = z.Date(l.Year, l.Month, l.Day, l.Hour, 0, 0);
            }

            t += TimeSpan.FromHours(1);
            if (z.Local(t).Hour == 0)
            {
                return true;
            }
        }

        while (!Has(minute, z.Local(t).Minute))
        {
            if (!added)
            {
                added = true;
                t = new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            }

            t += TimeSpan.FromMinutes(1);
            if (z.Local(t).Minute == 0)
            {
                return true;
            }
        }

        // The seconds field is always 0 for five-field expressions.
        while (z.Local(t).Second != 0)
        {
            if (!added)
            {
                added = true;
                t = new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            }

            t += TimeSpan.FromSeconds(1);
            if (z.Local(t).Second == 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool DayMatches(DateTime local)
    {
        var domMatch = Has(dayOfMonth, local.Day);
        var dowMatch = Has(dayOfWeek, (int)local.DayOfWeek);
        return (dayOfMonth & StarBit) != 0 || (dayOfWeek & StarBit) != 0 ? domMatch && dowMatch : domMatch || dowMatch;
    }

    private static bool Has(ulong bits, int value) => ((1UL << value) & bits) != 0;
}
