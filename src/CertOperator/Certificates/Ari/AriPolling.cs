using CertOperator.Acme.Model;
using CertOperator.Crds.Certificates;
using CrdWindow = CertOperator.Crds.Certificates.AcmeRenewalWindow;

namespace CertOperator.Certificates.Ari;

/// <summary>
/// When to ask the ACME server for renewal information and what status.acme.ari says afterwards, as cert-manager
/// 1.21's readiness controller does: Retry-After clamped to [1 h, 7 d], 6 h when the server names none or on an
/// error, ±10 % jitter so certificates issued together do not poll together.
/// </summary>
internal static class AriPolling
{
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromHours(6);
    public static readonly TimeSpan MinPoll = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxPoll = TimeSpan.FromDays(7);
    private const double JitterShare = 0.1;

    /// <summary>
    /// Never asked, the next check is due, or the last answer predates the certificate now in the Secret (a renewal
    /// just replaced it: the recorded window was for its predecessor). A certificate valid only from a later instant
    /// (the CA's clock ahead of ours) waits for it, or every status write would ask again.
    /// </summary>
    public static bool Due(AcmeRenewalInfoStatus? ari, DateTimeOffset notBefore, DateTimeOffset now) =>
        ari?.NextCheck is not { } next || now >= next || (!AnswersFor(ari, notBefore) && now >= notBefore);

    /// <summary>Whether the recorded answer was fetched for the certificate issued at <paramref name="notBefore"/>, not a predecessor.</summary>
    public static bool AnswersFor(AcmeRenewalInfoStatus? ari, DateTimeOffset notBefore) => ari?.LastChecked is { } last && last >= notBefore;

    /// <summary><paramref name="retryAfter"/> (6 h when absent or not positive) clamped, then moved by up to ±10 % (<paramref name="random"/> in [0, 1)).</summary>
    public static DateTimeOffset NextCheck(DateTimeOffset now, TimeSpan? retryAfter, double random)
    {
        var delay = retryAfter is { } r && r > TimeSpan.Zero ? r : DefaultPoll;
        delay = delay < MinPoll ? MinPoll : delay > MaxPoll ? MaxPoll : delay;
        return Seconds(now + delay + (delay * JitterShare * ((2 * random) - 1)));
    }

    /// <summary>Why an answer cannot be used (cert-manager's client refuses a window whose start is not before its end), or null.</summary>
    public static string? Problem(AcmeRenewalInfo info) =>
        info.SuggestedWindow.Start < info.SuggestedWindow.End ? null : "invalid suggestedWindow: start must be before end";

    /// <summary>The status after a usable answer: its window and explanation, polled again after its Retry-After.</summary>
    public static AcmeRenewalInfoStatus Answered(AcmeRenewalInfo info, DateTimeOffset now, double random) => new()
    {
        SuggestedWindow = new CrdWindow { Start = info.SuggestedWindow.Start, End = info.SuggestedWindow.End },
        ExplanationUrl = info.ExplanationUrl?.OriginalString,
        LastChecked = Seconds(now),
        NextCheck = NextCheck(now, info.RetryAfter - now, random),
    };

    /// <summary>
    /// The status after a failed poll: the last window stays in force unless it was the predecessor's, the error is
    /// recorded, and the next poll is after the error's Retry-After (a 429 or 503 may carry one), else in about 6 h.
    /// </summary>
    public static AcmeRenewalInfoStatus Failed(
        AcmeRenewalInfoStatus? previous, DateTimeOffset notBefore, string error, DateTimeOffset? retryAfter, DateTimeOffset now, double random) => new()
    {
        SuggestedWindow = AnswersFor(previous, notBefore) ? previous!.SuggestedWindow : null,
        ExplanationUrl = AnswersFor(previous, notBefore) ? previous!.ExplanationUrl : null,
        LastChecked = Seconds(now),
        LastError = error,
        NextCheck = NextCheck(now, retryAfter - now, random),
    };

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
