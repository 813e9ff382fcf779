using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Policies;

/// <summary>
/// cert-manager 1.21.1's TestRenewalWithWindowsForRenewBefore (pkg/util/pki/renewaltime_test.go) on a fixed clock
/// instead of time.Now(): renewBefore is notAfter minus the target renewal time, as there.
/// </summary>
public sealed class RenewalWindowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 45, 17, TimeSpan.Zero);
    private static readonly DateTimeOffset Future = Midnight(Now.AddDays(5));
    private static readonly DateTimeOffset DenverMst = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DenverMdt = new(2026, 3, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TenDaysAgo = Midnight(Now.AddDays(-10));
    private static readonly DateTimeOffset Saturday = NextSaturday(Future);

    private static DateTimeOffset Midnight(DateTimeOffset t) => new(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset NextSaturday(DateTimeOffset t) => t.DayOfWeek == DayOfWeek.Saturday ? t : NextSaturday(t.AddDays(1));

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    private static DateTimeOffset At(DateTimeOffset day, int dayOffset, int hour, int minute, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var wall = new DateTime(day.Year, day.Month, day.Day, hour, minute, 0).AddDays(dayOffset);
        return new DateTimeOffset(wall, tz.GetUtcOffset(wall));
    }

    private static CertificateRenewalWindow Window(string cron, string duration, string? zone = "UTC") =>
        new() { Cron = cron, WindowDuration = duration, Timezone = zone };

    public static TheoryData<string, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, CertificateRenewalWindow[], bool> Cases => new()
    {
        { "single window, renewal time within window", TenDaysAgo, Future + H(48), Future + H(10.5), Future + H(24) - H(13.5), [Window("0 10 * * *", "2h")], false },
        { "single window, time outside window", TenDaysAgo, Future + H(48), Future + H(13), Future + H(24) + H(10), [Window("0 10 * * *", "2h")], false },
        { "single window, renewal time before the window", TenDaysAgo, Future + H(24), Future + H(9), Future + H(15), [Window("0 15 * * *", "2h")], false },
        { "multiple windows, weekday and weekend", TenDaysAgo, Saturday + H(24), Saturday + H(6), Saturday + H(10), [Window("0 23 * * 1-5", "2h"), Window("0 10 * * 6,0", "4h")], false },
        {
            "single window, renewal time within window, different timezone", TenDaysAgo, Future + H(48),
            At(Future, 0, 10, 30, "America/Phoenix"), At(Future, 1, 0, 0, "America/Phoenix") - H(13.5), [Window("0 10 * * *", "2h", "America/Phoenix")], false
        },
        {
            "single window, renewal time in daylight savings (on to off) time zone", Midnight(DenverMdt.AddDays(-10)), DenverMst + H(48),
            At(DenverMst, -1, 15, 30, "America/Denver"), At(DenverMst, -1, 0, 0, "America/Denver") + H(35), [Window("0 10 * * *", "2h", "America/Denver")], false
        },
        { "single window, renewal time outside of windows", TenDaysAgo, Future + H(24), Future + H(13.5), Future + H(13.5), [Window("0 10 * * *", "2h")], true },
        { "window without a time zone is UTC", TenDaysAgo, Future + H(48), Future + H(13), Future + H(34), [Window("0 10 * * *", "2h", null)], false },
        { "renewal at the very end of a window stays", TenDaysAgo, Future + H(48), Future + H(12), Future + H(12), [Window("0 10 * * *", "2h")], false },
        { "the earliest window after the renewal time wins", TenDaysAgo, Future + H(48), Future + H(13), Future + H(20), [Window("0 10 * * *", "2h"), Window("0 20 * * *", "1h")], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Windows(string name, DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset target, DateTimeOffset expected, CertificateRenewalWindow[] windows, bool wantError)
    {
        var renewal = new CertificateRenewal { Policy = "RenewBefore", Windows = [.. windows] };

        var (at, error) = RenewalSchedule.WithRenewalPolicy(notBefore, notAfter, RenewalSchedule.RenewalTime(notBefore, notAfter, notAfter - target, null), renewal);

        at.Should().Be(expected, name);
        if (wantError)
        {
            error.Should().StartWith($"cannot find a time with the given windows between {notBefore.UtcDateTime:yyyy-MM-dd HH:mm:ss} +0000 UTC and {notAfter.UtcDateTime:yyyy-MM-dd HH:mm:ss} +0000 UTC", name);
        }
        else
        {
            error.Should().BeNull(name);
        }
    }

    public static TheoryData<string, CertificateRenewalWindow, string> BrokenWindows => new()
    {
        { "unknown time zone", Window("0 10 * * *", "2h", "Mars/Olympus"), "error parsing timezone in window unknown time zone Mars/Olympus" },
        { "bad cron", Window("0 25 * * *", "2h"), "error parsing cron in window failed to parse cron spec '0 25 * * *': end of range (25) above maximum (23): 25" },
        { "zero duration, which cert-manager's webhook lets through", Window("0 10 * * *", "0s"), "windowDuration must be a positive duration in window {UTC 0s 0 10 * * *}" },
    };

    [Theory]
    [MemberData(nameof(BrokenWindows))]
    public void A_window_that_cannot_be_evaluated_leaves_the_desired_time_and_says_why(string name, CertificateRenewalWindow window, string expected)
    {
        var desired = Future + H(13);

        var (at, error) = RenewalWindows.Apply(TenDaysAgo, Future + H(48), desired, [window]);

        at.Should().Be(desired, name);
        error.Should().Be(expected, name);
    }

    [Fact]
    public void No_windows_leave_the_desired_time() =>
        RenewalWindows.Apply(TenDaysAgo, Future + H(48), Future + H(13), []).Should().Be((Future + H(13), (string?)null));
}
