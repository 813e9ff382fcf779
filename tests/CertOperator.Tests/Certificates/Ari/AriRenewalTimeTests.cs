using CertOperator.Certificates.Ari;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Ari;

/// <summary>How a suggested window turns into the renewal time, alone and through the issuance policies.</summary>
public sealed class AriRenewalTimeTests
{
    // Gen.Facts: issued 10 days before Gen.Now for 90 days, so the schedule says 60 days after notBefore.
    private static readonly DateTimeOffset NotBefore = Gen.Now.AddDays(-10);
    private static readonly DateTimeOffset Scheduled = NotBefore.AddDays(60);

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Window start and end as offsets from notBefore (no start: no window), the certificate's fraction, and the expected offset.</summary>
    public static TheoryData<string, TimeSpan?, TimeSpan, double, TimeSpan> Cases => new()
    {
        { "no window: the schedule", null, TimeSpan.Zero, 0.5, 60 * Day },
        { "window before the schedule: inside it at the certificate's fraction", 40 * Day, 42 * Day, 0.25, (40 * Day) + TimeSpan.FromHours(12) },
        { "window after the schedule: still the window, as cert-manager", 70 * Day, 72 * Day, 0.5, 71 * Day },
        { "fraction 0: the window's start", 40 * Day, 42 * Day, 0, 40 * Day },
        { "window of no length: its start", 30 * Day, 30 * Day, 0.9, 30 * Day },
        { "a pick inside a second is truncated to the second", 30 * Day, (30 * Day) + TimeSpan.FromSeconds(1), 0.999, 30 * Day },
        { "window starting before notBefore (the predecessor's): the schedule", -2 * Day, -1 * Day, 0.5, 60 * Day },
        { "window starting at notBefore: the schedule", TimeSpan.Zero, Day, 0.5, 60 * Day },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_window_chooses_the_renewal_time(string name, TimeSpan? start, TimeSpan end, double fraction, TimeSpan expected)
    {
        var window = start is { } from ? new AriWindow(NotBefore + from, NotBefore + end, fraction) : null;

        AriRenewalTime.Choose(Scheduled, window, NotBefore).Should().Be(NotBefore + expected, name);
    }

    [Fact]
    public void A_window_already_past_renews_now()
    {
        var input = Input(new AriWindow(Gen.Now.AddDays(-3), Gen.Now.AddDays(-1), 0.5));

        IssuancePolicies.NeedsIssuance(input)!.Reason.Should().Be("Renewing");
        IssuancePolicies.RenewalTimeOf(input).Should().Be(Gen.Now.AddDays(-2));
    }

    [Fact]
    public void A_window_ahead_of_the_schedule_renews_inside_it_and_not_before()
    {
        var input = Input(new AriWindow(Gen.Now.AddDays(5), Gen.Now.AddDays(7), 0.5));

        IssuancePolicies.NeedsIssuance(input).Should().BeNull();
        IssuancePolicies.RenewalTimeOf(input).Should().Be(Gen.Now.AddDays(6)).And.BeBefore(Scheduled);
        IssuancePolicies.NeedsIssuance(input with { Now = Gen.Now.AddDays(6) })!.Reason.Should().Be("Renewing");
    }

    [Fact]
    public void Without_a_window_the_schedule_stands() =>
        IssuancePolicies.RenewalTimeOf(Input(null)).Should().Be(Scheduled);

    [Fact]
    public void Renewal_policy_Disabled_ignores_the_window()
    {
        var input = Input(new AriWindow(Gen.Now.AddDays(-3), Gen.Now.AddDays(-1), 0.5));
        input.Certificate.Spec.Renewal = new CertificateRenewal { Policy = "Disabled" };

        IssuancePolicies.RenewalTimeOf(input).Should().BeNull();
        IssuancePolicies.NeedsIssuance(input).Should().BeNull();
    }

    [Fact]
    public void Renewal_windows_apply_to_the_time_the_ACME_server_suggested()
    {
        // The ARI pick, Sunday 7 June 12:00, is outside the Tuesday 02:00–03:00 window: renewal moves to the next window start.
        var input = Input(new AriWindow(Gen.Now.AddDays(5), Gen.Now.AddDays(7), 0.5));
        input.Certificate.Spec.Renewal = new CertificateRenewal
        {
            Policy = "RenewBefore",
            Windows = [new CertificateRenewalWindow { Cron = "0 2 * * 2", WindowDuration = "1h" }],
        };

        IssuancePolicies.Renewal(input).Should().Be(((DateTimeOffset?)new DateTimeOffset(2026, 6, 9, 2, 0, 0, TimeSpan.Zero), (string?)null));
    }

    [Fact]
    public void Only_a_window_fetched_for_the_certificate_in_the_Secret_counts()
    {
        var acme = new CertificateAcmeStatus
        {
            Ari = new AcmeRenewalInfoStatus
            {
                SuggestedWindow = new AcmeRenewalWindow { Start = Gen.Now.AddDays(5), End = Gen.Now.AddDays(7) },
                LastChecked = NotBefore.AddSeconds(-1),
            },
        };
        var facts = Gen.Facts() with { AriCertificateId = "aki.serial" };
        var random = new AriRandom();

        AriWindow.Of(acme, facts, random).Should().BeNull("it was fetched for the certificate this one replaced");
        acme.Ari.LastChecked = NotBefore;
        AriWindow.Of(acme, facts, random).Should().Be(new AriWindow(Gen.Now.AddDays(5), Gen.Now.AddDays(7), random.WindowFraction("aki.serial")));
        AriWindow.Of(acme, Gen.Facts(), random).Should().BeNull("a certificate without an Authority Key Identifier has no ARI identifier");
        AriWindow.Of(null, facts, random).Should().BeNull();
    }

    [Fact]
    public void A_certificate_keeps_its_fraction_and_many_certificates_spread_over_the_window()
    {
        var random = new AriRandom();
        var fractions = Enumerable.Range(0, 2000).Select(i => random.WindowFraction($"aki.{i:x8}")).ToList();

        random.WindowFraction("aki.00000001").Should().Be(fractions[1]);
        fractions.Should().OnlyContain(f => f >= 0 && f < 1);
        fractions.Average().Should().BeApproximately(0.5, 0.03);
        fractions.Count(f => f < 0.1).Should().BeInRange(140, 260, "about a tenth land in the first tenth of the window");
    }

    private static IssuanceInput Input(AriWindow? window) => new(
        Gen.Certificate(),
        new SecretState(Gen.IssuerAnnotations(), Gen.Facts(), null, null),
        null,
        Gen.Now,
        null,
        window);
}
