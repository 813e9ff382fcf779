namespace CertOperator.Certificates.Policies.Cron;

/// <summary>Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the process's zone, anything else an IANA name.</summary>
internal static class GoLocation
{
    public static TimeZoneInfo? Load(string name)
    {
        switch (name)
        {
            case "" or "UTC":
                return TimeZoneInfo.Utc;
            case "Local":
                return TimeZoneInfo.Local;
        }

        if (name.Contains("..", StringComparison.Ordinal) || name[0] is '/' or '\\')
        {
            return null;
        }

        try
        {
            // Windows zone names ("Mountain Standard Time") resolve on .NET but not in Go's tz database.
            return TimeZoneInfo.FindSystemTimeZoneById(name) is { HasIanaId: true } zone ? zone : null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
