using CertOperator.Certificates.Policies;

namespace CertOperator.Tests.Certificates.Policies;

public sealed class RenewalScheduleTests
{
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, TimeSpan, TimeSpan?, int?, TimeSpan> Cases => new()
    {
        { "default is two thirds of the lifetime", TimeSpan.FromDays(90), null, null, TimeSpan.FromDays(60) },
        { "renewBefore shorter than the lifetime wins", TimeSpan.FromDays(90), TimeSpan.FromDays(10), null, TimeSpan.FromDays(80) },
        { "renewBefore longer than the lifetime falls back to a third", TimeSpan.FromDays(30), TimeSpan.FromDays(45), null, TimeSpan.FromDays(20) },
        { "renewBefore equal to the lifetime falls back to a third", TimeSpan.FromHours(3), TimeSpan.FromHours(3), null, TimeSpan.FromHours(2) },
        { "percentage of the lifetime", TimeSpan.FromDays(100), null, 25, TimeSpan.FromDays(75) },
        { "renewBefore beats percentage", TimeSpan.FromDays(100), TimeSpan.FromDays(5), 25, TimeSpan.FromDays(95) },
        { "short-lived certificate", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1), null, TimeSpan.FromMinutes(2) },
        { "truncated to whole seconds", TimeSpan.FromSeconds(10), null, null, TimeSpan.FromSeconds(6) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renewal_time(string name, TimeSpan lifetime, TimeSpan? renewBefore, int? percentage, TimeSpan expectedAfterNotBefore)
    {
        var at = RenewalSchedule.RenewalTime(NotBefore, NotBefore + lifetime, renewBefore, percentage);

        at.Should().Be(NotBefore + expectedAfterNotBefore, name);
        (at.Ticks % TimeSpan.TicksPerSecond).Should().Be(0);
    }
}
