using CertOperator.Certificates.Policies.Cron;

namespace CertOperator.Tests.Certificates.Policies;

/// <summary>cert-manager's util.CronParse (its internal copy of robfig/cron): accepted syntax, errors, and Next in a time zone.</summary>
public sealed class CronParserTests
{
    public static TheoryData<string, string, string?, string> NextCases => new()
    {
        { "daily at 10:00", "0 10 * * *", null, "2026-12-01T10:00:00Z" },
        { "strictly after: an activation at the instant itself is skipped", "0 9 * * *", null, "2026-12-02T09:00:00Z" },
        { "every 15 minutes", "*/15 * * * *", null, "2026-12-01T09:15:00Z" },
        { "range with step", "0 8-20/6 * * *", null, "2026-12-01T14:00:00Z" },
        { "named weekday (Saturday)", "30 2 * * SAT", null, "2026-12-05T02:30:00Z" },
        { "named month", "0 0 1 jan *", null, "2027-01-01T00:00:00Z" },
        { "day-of-month OR day-of-week when both restricted", "0 0 15 * MON", null, "2026-12-07T00:00:00Z" },
        { "question mark is a star", "0 0 ? * *", null, "2026-12-02T00:00:00Z" },
        { "descriptor @daily", "@daily", null, "2026-12-02T00:00:00Z" },
        { "descriptor @weekly (Sunday)", "@weekly", null, "2026-12-06T00:00:00Z" },
        { "descriptor @monthly", "@monthly", null, "2027-01-01T00:00:00Z" },
        { "descriptor @every", "@every 90m", null, "2026-12-01T10:30:00Z" },
        { "time zone", "0 10 * * *", "America/Denver", "2026-12-01T17:00:00Z" },
        { "DST end in Denver: 10:00 MST on the day clocks go back", "0 10 7 11 *", "America/Denver", "2027-11-07T17:00:00Z" },
        { "no such date within five years", "0 0 30 2 *", null, "0001-01-01T00:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(NextCases))]
    public void Next(string name, string cron, string? zone, string expected)
    {
        var (schedule, error) = CronParser.Parse(cron, zone);

        error.Should().BeNull(name);
        schedule!.Next(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), name);
    }

    public static TheoryData<string, string, string?, string> ErrorCases => new()
    {
        { "timezone prefix without a schedule (cert-manager's validation row)", "CRON_TZ=UTC", null, "failed to parse cron spec 'CRON_TZ=UTC': expected timezone prefix to be followed by a cron spec: CRON_TZ=UTC" },
        { "empty", "", null, "failed to parse cron spec '': empty spec string" },
        { "six fields", "0 0 10 * * *", null, "failed to parse cron spec '0 0 10 * * *': expected exactly 5 fields, found 6: [0 0 10 * * *]" },
        { "a user prefix on top of the window's time zone", "CRON_TZ=UTC 0 10 * * *", "UTC", "failed to parse cron spec 'CRON_TZ=UTC 0 10 * * *': expected exactly 5 fields, found 6: [CRON_TZ=UTC 0 10 * * *]" },
        { "hour out of range", "0 24 * * *", null, "failed to parse cron spec '0 24 * * *': end of range (24) above maximum (23): 24" },
        { "day of week 7", "0 0 * * 7", null, "failed to parse cron spec '0 0 * * 7': end of range (7) above maximum (6): 7" },
        { "day of month 0", "0 0 0 * *", null, "failed to parse cron spec '0 0 0 * *': beginning of range (0) below minimum (1): 0" },
        { "reversed range", "0 10-5 * * *", null, "failed to parse cron spec '0 10-5 * * *': beginning of range (10) beyond end of range (5): 10-5" },
        { "zero step", "*/0 * * * *", null, "failed to parse cron spec '*/0 * * * *': step of range should be a positive number: */0" },
        { "too many hyphens", "0 1-2-3 * * *", null, "failed to parse cron spec '0 1-2-3 * * *': too many hyphens: 1-2-3" },
        { "too many slashes", "0 */2/3 * * *", null, "failed to parse cron spec '0 */2/3 * * *': too many slashes: */2/3" },
        { "not a number", "x * * * *", null, "failed to parse cron spec 'x * * * *': failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax" },
        { "unknown descriptor", "@fortnightly", null, "failed to parse cron spec '@fortnightly': unrecognized descriptor: @fortnightly" },
        { "unknown time zone", "0 10 * * *", "Mars/Olympus", "failed to parse cron spec '0 10 * * *': provided bad location Mars/Olympus: unknown time zone Mars/Olympus" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Errors(string name, string cron, string? zone, string expected)
    {
        var (schedule, error) = CronParser.Parse(cron, zone);

        schedule.Should().BeNull(name);
        error.Should().Be(expected, name);
    }
}
