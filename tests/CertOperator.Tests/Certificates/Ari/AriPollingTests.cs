using CertOperator.Acme.Model;
using CertOperator.Certificates.Ari;
using CertOperator.Crds.Certificates;
using CrdWindow = CertOperator.Crds.Certificates.AcmeRenewalWindow;
using AcmeWindow = CertOperator.Acme.Model.AcmeRenewalWindow;

namespace CertOperator.Tests.Certificates.Ari;

/// <summary>When renewalInfo is asked again and what status.acme.ari records, as cert-manager 1.21's readiness controller.</summary>
public sealed class AriPollingTests
{
    private static readonly DateTimeOffset Now = Gen.Now;
    private static readonly DateTimeOffset NotBefore = Now.AddDays(-10);

    public static TheoryData<string, AcmeRenewalInfoStatus?, bool> DueCases => new()
    {
        { "never asked", null, true },
        { "asked, next check ahead", new AcmeRenewalInfoStatus { LastChecked = Now.AddHours(-1), NextCheck = Now.AddHours(5) }, false },
        { "next check now", new AcmeRenewalInfoStatus { LastChecked = Now.AddHours(-6), NextCheck = Now }, true },
        { "next check past", new AcmeRenewalInfoStatus { LastChecked = Now.AddHours(-7), NextCheck = Now.AddHours(-1) }, true },
        { "no next check recorded", new AcmeRenewalInfoStatus { LastChecked = Now.AddHours(-1) }, true },
        { "last answer older than the certificate (a renewal replaced it)", new AcmeRenewalInfoStatus { LastChecked = NotBefore.AddSeconds(-1), NextCheck = Now.AddDays(1) }, true },
        { "last answer in the certificate's first second", new AcmeRenewalInfoStatus { LastChecked = NotBefore, NextCheck = Now.AddDays(1) }, false },
    };

    [Fact]
    public void A_certificate_valid_only_from_later_waits_for_its_notBefore_instead_of_asking_on_every_status_write()
    {
        var justAsked = new AcmeRenewalInfoStatus { LastChecked = Now, NextCheck = Now.AddHours(6) };

        AriPolling.Due(justAsked, Now.AddSeconds(30), Now).Should().BeFalse();
        AriPolling.Due(justAsked, Now.AddSeconds(30), Now.AddSeconds(30)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(DueCases))]
    public void Polls_when_due(string name, AcmeRenewalInfoStatus? ari, bool due) =>
        AriPolling.Due(ari, NotBefore, Now).Should().Be(due, name);

    public static TheoryData<string, TimeSpan?, double, TimeSpan> NextCheckCases => new()
    {
        { "Retry-After as given", TimeSpan.FromDays(3), 0.5, TimeSpan.FromDays(3) },
        { "no Retry-After: 6 h", null, 0.5, TimeSpan.FromHours(6) },
        { "Retry-After 0: 6 h", TimeSpan.Zero, 0.5, TimeSpan.FromHours(6) },
        { "Retry-After already past: 6 h", TimeSpan.FromMinutes(-5), 0.5, TimeSpan.FromHours(6) },
        { "under an hour: 1 h", TimeSpan.FromMinutes(1), 0.5, TimeSpan.FromHours(1) },
        { "over a week: 7 d", TimeSpan.FromDays(30), 0.5, TimeSpan.FromDays(7) },
        { "jitter at its lowest: -10 %", TimeSpan.FromHours(10), 0, TimeSpan.FromHours(9) },
        { "jitter three quarters up: +5 %", TimeSpan.FromHours(10), 0.75, TimeSpan.FromHours(10.5) },
        { "jitter applies after clamping", TimeSpan.FromDays(30), 0, TimeSpan.FromSeconds(544_320) },
    };

    [Theory]
    [MemberData(nameof(NextCheckCases))]
    public void Next_check_follows_Retry_After_clamped_and_jittered(string name, TimeSpan? retryAfter, double random, TimeSpan expected) =>
        AriPolling.NextCheck(Now, retryAfter, random).Should().Be(Now + expected, name);

    [Fact]
    public void An_answer_records_window_explanation_and_times_and_clears_the_error()
    {
        var info = new AcmeRenewalInfo
        {
            SuggestedWindow = new AcmeWindow { Start = Now.AddDays(20), End = Now.AddDays(22) },
            ExplanationUrl = new Uri("https://acme.example/docs/incident-42"),
            RetryAfter = Now.AddHours(12),
        };

        var ari = AriPolling.Answered(info, Now.AddMilliseconds(700), 0.5);

        ari.SuggestedWindow!.Start.Should().Be(Now.AddDays(20));
        ari.SuggestedWindow.End.Should().Be(Now.AddDays(22));
        ari.ExplanationUrl.Should().Be("https://acme.example/docs/incident-42");
        ari.LastChecked.Should().Be(Now, "status times are whole seconds");
        ari.NextCheck.Should().Be(Now.AddHours(12));
        ari.LastError.Should().BeNull();
        AriPolling.Problem(info).Should().BeNull();
    }

    [Fact]
    public void A_failure_keeps_the_last_window_and_asks_again_after_the_errors_Retry_After_or_6_hours()
    {
        var previous = new AcmeRenewalInfoStatus
        {
            SuggestedWindow = new CrdWindow { Start = Now.AddDays(20), End = Now.AddDays(22) },
            ExplanationUrl = "https://acme.example/why",
            LastChecked = Now.AddHours(-6),
            NextCheck = Now,
        };

        var failed = AriPolling.Failed(previous, NotBefore, "the ACME server answered: busy", null, Now, 0.5);
        var limited = AriPolling.Failed(previous, NotBefore, "rate limited", Now.AddHours(2), Now, 0.5);
        var renewed = AriPolling.Failed(previous, Now.AddHours(-1), "busy", null, Now, 0.5);

        failed.SuggestedWindow.Should().BeSameAs(previous.SuggestedWindow);
        failed.ExplanationUrl.Should().Be("https://acme.example/why");
        failed.LastError.Should().Be("the ACME server answered: busy");
        failed.LastChecked.Should().Be(Now);
        failed.NextCheck.Should().Be(Now.AddHours(6));
        limited.NextCheck.Should().Be(Now.AddHours(2));
        renewed.SuggestedWindow.Should().BeNull("the window was fetched for the certificate a renewal replaced an hour ago");
        renewed.ExplanationUrl.Should().BeNull();
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        var info = new AcmeRenewalInfo { SuggestedWindow = new AcmeWindow { Start = Now.AddDays(2), End = Now.AddDays(1) } };

        AriPolling.Problem(info).Should().Be("invalid suggestedWindow: start must be before end");
    }
}
