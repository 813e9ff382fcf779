using System.Globalization;
using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies.Cron;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Policies;

/// <summary>
/// `spec.renewal.windows` with policy RenewBefore, as cert-manager 1.21 applies them (applyRenewBeforeWithWindows in
/// pkg/util/pki/renewaltime.go): the desired renewal time stays when some window is open at it; otherwise the renewal
/// moves forward to the earliest window start after it. Each window is searched between notBefore minus and notAfter
/// plus its duration. When no window fits, the desired time stands and the error says why.
/// </summary>
internal static class RenewalWindows
{
    public static (DateTimeOffset At, string? Error) Apply(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset desired, IReadOnlyList<CertificateRenewalWindow>? windows)
    {
        if (windows is not { Count: > 0 })
        {
            return (desired, null);
        }

        DateTimeOffset? bestBefore = null, bestAfter = null;
        foreach (var window in windows)
        {
            if (GoLocation.Load(window.Timezone ?? "") is null)
            {
                return (desired, $"error parsing timezone in window unknown time zone {window.Timezone}");
            }

            var (schedule, cronError) = CronParser.Parse(window.Cron, string.IsNullOrEmpty(window.Timezone) ? "UTC" : window.Timezone);
            if (schedule is null)
            {
                return (desired, $"error parsing cron in window {cronError}");
            }

            if (!GoDuration.TryParse(window.WindowDuration, out var duration) || duration <= TimeSpan.Zero)
            {
                return (desired, $"windowDuration must be a positive duration in window {{{window.Timezone} {window.WindowDuration} {window.Cron}}}");
            }

            var searchMin = notBefore - duration;
            var searchMax = notAfter + duration;
            bestBefore = BestBefore(schedule, searchMin, searchMax, desired, bestBefore, duration);
            bestAfter = BestAfter(schedule, searchMin, searchMax, desired, bestAfter, duration);
        }

        return bestBefore is { } before ? (before, null)
            : bestAfter is { } after ? (after, null)
            : (desired, $"cannot find a time with the given windows between {GoTime(notBefore)} and {GoTime(notAfter)} for: {GoTime(desired)}");
    }

    /// <summary>The desired time when the latest window starting at or before it (within the search range) is still open at it.</summary>
    private static DateTimeOffset? BestBefore(CronSchedule schedule, DateTimeOffset searchMin, DateTimeOffset searchMax, DateTimeOffset desired, DateTimeOffset? best, TimeSpan duration)
    {
        if (desired < searchMin || LatestStart(schedule, searchMin, desired < searchMax ? desired : searchMax) is not { } lastStart)
        {
            return best;
        }

        var end = lastStart + duration;
        var candidate = desired >= lastStart && desired < end ? desired : end;
        return candidate >= desired && (best is null || candidate > best) ? candidate : best;
    }

    /// <summary>The first window start at or after the desired time (or the search start), while within the search range.</summary>
    private static DateTimeOffset? BestAfter(CronSchedule schedule, DateTimeOffset searchMin, DateTimeOffset searchMax, DateTimeOffset desired, DateTimeOffset? best, TimeSpan duration)
    {
        var start = schedule.Next((desired > searchMin ? desired : searchMin) - TimeSpan.FromSeconds(1));
        if (start > searchMax)
        {
            return best;
        }

        DateTimeOffset? candidate = desired >= start && desired < start + duration ? desired
            : desired < start ? start
            : null;
        return candidate is { } c && c >= desired && (best is null || c < best) ? c : best;
    }

    /// <summary>cert-manager's binary search (to the second) for the latest window start S with min &lt;= S &lt;= max.</summary>
    private static DateTimeOffset? LatestStart(CronSchedule schedule, DateTimeOffset min, DateTimeOffset max)
    {
        var second = TimeSpan.FromSeconds(1);
        if (min >= max || schedule.Next(min - second) > max)
        {
            return null;
        }

        var (low, high) = (min, max);
        while (high - low > second)
        {
            var mid = low + TimeSpan.FromTicks((high - low).Ticks / 2);
            if (schedule.Next(mid) > max)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        var last = schedule.Next(low - second);
        return last > max ? null : last;
    }

    /// <summary>Go's time.Time.String for a UTC instant, which cert-manager's window error prints.</summary>
    private static string GoTime(DateTimeOffset at)
    {
        var fraction = at.UtcTicks % TimeSpan.TicksPerSecond;
        var text = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return fraction == 0 ? $"{text} +0000 UTC" : $"{text}.{(fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')} +0000 UTC";
    }
}
