using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Policies;

/// <summary>
/// What the trigger decides with renewal windows as the clock moves: a 90-day certificate whose renewal falls due on
/// Monday 2026-06-01 00:00 UTC waits for the weekend window (Saturday 10:00, 4h); a missing or expired certificate
/// is never held back; windows that cannot be met renew at the renewal time anyway, with cert-manager's WindowError.
/// </summary>
public sealed class RenewalWindowPoliciesTests
{
    private static readonly DateTimeOffset NotBefore = new(2026, 4, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = NotBefore.AddDays(60);
    private static readonly DateTimeOffset SaturdayWindow = new(2026, 6, 6, 10, 0, 0, TimeSpan.Zero);

    private static Certificate Weekend(string cron = "0 10 * * 6,0", string policy = "RenewBefore") => Gen.Certificate(spec: s =>
        s.Renewal = new CertificateRenewal { Policy = policy, Windows = policy == "Disabled" ? null : [new() { Cron = cron, WindowDuration = "4h" }] });

    private static SecretState Valid() => new(Gen.IssuerAnnotations(), Gen.Facts(notBefore: NotBefore), null, null);

    public static TheoryData<string, string, DateTimeOffset, string?, string?> Cases => new()
    {
        { "at the renewal time, outside any window: wait", "0 10 * * 6,0", Due, null, null },
        { "a second before the window opens: wait", "0 10 * * 6,0", SaturdayWindow.AddSeconds(-1), null, null },
        { "the window opens: renew", "0 10 * * 6,0", SaturdayWindow, "Renewing", "Renewing certificate as renewal was scheduled at 2026-06-06 10:00:00Z" },
        { "renewal time inside a window: renew at once", "0 0 * * 1", Due, "Renewing", "Renewing certificate as renewal was scheduled at 2026-06-01 00:00:00Z" },
        { "expired while waiting for a window is reissued", "0 10 * * 6,0", NotBefore.AddDays(90), "Expired", null },
        {
            "windows that never open: renew at the renewal time", "0 10 30 2 *", Due, "Renewing",
            "Renewing certificate without satisfying renewal windows at: 2026-06-01 00:00:00Z"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trigger_decision(string name, string cron, DateTimeOffset now, string? reason, string? message)
    {
        var result = IssuancePolicies.NeedsIssuance(new IssuanceInput(Weekend(cron), Valid(), null, now));

        result?.Reason.Should().Be(reason, name);
        if (reason is null)
        {
            result.Should().BeNull(name);
        }

        if (message is not null)
        {
            result!.Message.Should().Be(message, name);
        }
    }

    [Fact]
    public void The_renewal_time_written_to_status_and_slept_until_is_the_window_start()
    {
        var input = new IssuanceInput(Weekend(), Valid(), null, Due);

        IssuancePolicies.Renewal(input).Should().Be((SaturdayWindow, (string?)null));
        IssuancePolicies.RenewalTimeOf(input).Should().Be(SaturdayWindow);
    }

    [Fact]
    public void Windows_that_never_open_warn_with_cert_managers_WindowError()
    {
        var input = new IssuanceInput(Weekend("0 10 30 2 *"), Valid(), null, Due);

        var warning = IssuancePolicies.NeedsIssuance(input)!.Warning!;

        warning.Reason.Should().Be("WindowError");
        warning.Message.Should().Be("Renewing certificate without satisfying renewal windows due to cannot find a time with the given windows between "
            + "2026-04-02 00:00:00 +0000 UTC and 2026-07-01 00:00:00 +0000 UTC for: 2026-06-01 00:00:00 +0000 UTC");
        IssuancePolicies.Renewal(input).At.Should().Be(Due);
    }

    [Fact]
    public void A_missing_Secret_is_issued_whatever_the_windows()
    {
        var result = IssuancePolicies.NeedsIssuance(new IssuanceInput(Weekend(), null, null, Due));

        result!.Reason.Should().Be("DoesNotExist");
    }

    [Fact]
    public void Policy_Disabled_never_renews_on_schedule()
    {
        var input = new IssuanceInput(Weekend(policy: "Disabled"), Valid(), null, NotBefore.AddDays(89));

        IssuancePolicies.NeedsIssuance(input).Should().BeNull();
        IssuancePolicies.RenewalTimeOf(input).Should().BeNull();
    }
}
