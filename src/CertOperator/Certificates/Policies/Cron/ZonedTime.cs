namespace CertOperator.Certificates.Policies.Cron;

/// <summary>
/// Go's time arithmetic in one time zone, as robfig/cron relies on it: wall-clock fields of an instant, and
/// time.Date's normalisation (overflowing fields roll over; a wall time skipped or repeated by a DST change takes
/// the offset in force at the instant first guessed).
/// </summary>
internal readonly record struct ZonedTime(TimeZoneInfo Zone)
{
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    public DateTimeOffset Date(int year, int month, int day, int hour, int minute, int second, long subSecondTicks = 0)
    {
        var wall = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
            .AddMonths(month - 1).AddDays(day - 1).AddHours(hour).AddMinutes(minute).AddSeconds(second).AddTicks(subSecondTicks);
        var guess = Zone.GetUtcOffset(DateTime.SpecifyKind(wall, DateTimeKind.Utc));
        var offset = Zone.GetUtcOffset(DateTime.SpecifyKind(wall - guess, DateTimeKind.Utc));
        return new DateTimeOffset(wall.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    public DateTimeOffset AddDate(DateTimeOffset instant, int months, int days)
    {
        var local = Local(instant);
        return Date(local.Year, local.Month + months, local.Day + days, local.Hour, local.Minute, local.Second, local.Ticks % TimeSpan.TicksPerSecond);
    }
}
