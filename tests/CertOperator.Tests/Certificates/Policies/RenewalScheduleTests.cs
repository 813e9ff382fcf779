using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Policies;

/// <summary>cert-manager 1.21.1's TestRenewalTime and TestRenewBefore (pkg/util/pki/renewaltime_test.go), row for row.</summary>
public sealed class RenewalScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 45, 17, TimeSpan.Zero);

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    /// <summary>TestRenewalTime: lifetime from now, renewBefore, renewBeforePercentage, expected renewal time after now. Its ARI row belongs to the ARI tests.</summary>
    public static TheoryData<string, TimeSpan, TimeSpan?, int?, TimeSpan> RenewalTimeCases => new()
    {
        { "short lived cert, spec.renewBefore is not set", H(3), null, null, H(2) },
        { "long lived cert, spec.renewBefore is not set", H(4380), null, null, H(2920) },
        { "spec.renewBefore is set", H(24), H(20), null, H(4) },
        { "long lived cert, spec.renewBefore is set to renew every day", H(730), H(706), null, H(24) },
        { "spec.renewBefore is set, but would result in renewal time after expiry", H(24), H(25), null, H(16) },
        { "long lived cert, spec.renewBeforePercentage is set to renew 30% before expiry", H(730), null, 30, H(511) },
        { "spec.renewBefore is set to a value slightly less than cert's duration", H(24) + TimeSpan.FromMinutes(3), H(24), null, TimeSpan.FromMinutes(3) },
        { "certificate's duration is skewed by a second", H(24) - TimeSpan.FromSeconds(1), null, null, H(16) - TimeSpan.FromSeconds(1) },
    };

    [Theory]
    [MemberData(nameof(RenewalTimeCases))]
    public void Renewal_time(string name, TimeSpan lifetime, TimeSpan? renewBefore, int? percentage, TimeSpan expectedAfterNow)
    {
        var (at, error) = RenewalSchedule.WithRenewalPolicy(Now, Now + lifetime, RenewalSchedule.RenewalTime(Now, Now + lifetime, renewBefore, percentage), renewal: null);

        error.Should().BeNull(name);
        at.Should().Be(Now + expectedAfterNow, name);
    }

    private const long Hour = 3_600_000_000_000;

    /// <summary>TestRenewBefore: lifetime (3h unless set), renewBefore, renewBeforePercentage, expected renewBefore, all in Go nanoseconds.</summary>
    public static TheoryData<string, long, long?, int?, long> RenewBeforeCases => new()
    {
        { "spec.renewBefore and spec.renewBeforePercentage are not set", 3 * Hour, null, null, Hour },
        { "spec.renewBeforePercentage is valid", 3 * Hour, null, 25, 45 * 60_000_000_000L },
        { "spec.renewBeforePercentage is too large so default is used", 3 * Hour, null, 100, Hour },
        { "spec.renewBeforePercentage is too small so default is used", 3 * Hour, null, 0, Hour },
        { "spec.renewBefore is valid", 3 * Hour, Hour, null, Hour },
        { "spec.renewBefore is invalid so default is used", 3 * Hour, 4 * Hour, null, Hour },
        { "spec.renewBeforePercentage=99 with 10-year duration does not overflow int64", 24 * 365 * 10 * Hour, null, 99, (long)((double)(24 * 365 * 10 * Hour) * 0.99) },
        { "spec.renewBeforePercentage=99 with 3-year duration does not overflow int64", 24 * 365 * 3 * Hour, null, 99, (long)((double)(24 * 365 * 3 * Hour) * 0.99) },
    };

    [Theory]
    [MemberData(nameof(RenewBeforeCases))]
    public void Renew_before(string name, long lifetime, long? renewBefore, int? percentage, long expected) =>
        RenewalSchedule.RenewBeforeNanoseconds(lifetime, renewBefore, percentage).Should().Be(expected, name);

    [Fact]
    public void Policy_Disabled_has_no_renewal_time()
    {
        var (at, error) = RenewalSchedule.WithRenewalPolicy(Now, Now + H(24), RenewalSchedule.RenewalTime(Now, Now + H(24), H(20), null), new CertificateRenewal { Policy = "Disabled" });

        at.Should().BeNull();
        error.Should().BeNull();
    }

    [Fact]
    public void An_unknown_policy_is_an_error_as_in_cert_manager()
    {
        var (at, error) = RenewalSchedule.WithRenewalPolicy(Now, Now + H(24), RenewalSchedule.RenewalTime(Now, Now + H(24), null, null), new CertificateRenewal());

        at.Should().BeNull();
        error.Should().Be("unsupported renewal policy: ");
    }

    [Fact]
    public void Renewal_time_is_whole_seconds_even_when_the_percentage_is_not()
    {
        var (at, _) = RenewalSchedule.WithRenewalPolicy(Now, Now + TimeSpan.FromSeconds(10), RenewalSchedule.RenewalTime(Now, Now + TimeSpan.FromSeconds(10), null, 33), renewal: null);

        at.Should().Be(Now + TimeSpan.FromSeconds(6), "10s minus 3.3s is 6.7s, truncated as Go's Truncate(time.Second) does");
    }
}
