using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Policies;

/// <summary>When a certificate should be renewed, computed as cert-manager 1.21 does (pkg/util/pki/renewaltime.go).</summary>
internal static class RenewalSchedule
{
    private const long NanosPerTick = 100;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>
    /// cert-manager's RenewalTime from a <paramref name="desired"/> renewal time (<see cref="RenewalTime"/>, or the
    /// time an ACME server's suggested window gave): none with policy Disabled; otherwise moved into
    /// <c>spec.renewal.windows</c> when there are any (see <see cref="RenewalWindows"/>), as cert-manager applies
    /// windows after ARI. An error (no window fits, unknown policy) comes with the time renewal happens anyway.
    /// </summary>
    public static (DateTimeOffset? At, string? Error) WithRenewalPolicy(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset desired, CertificateRenewal? renewal)
    {
        if (renewal is null)
        {
            return (desired, null);
        }

        return renewal.Policy switch
        {
            "Disabled" => (null, null),
            "RenewBefore" => RenewalWindows.Apply(notBefore, notAfter, desired, renewal.Windows),
            var other => (null, $"unsupported renewal policy: {other}"),
        };
    }

    /// <summary>
    /// notAfter minus <see cref="RenewBeforeNanoseconds"/>, truncated to whole seconds because status.renewalTime
    /// is stored in seconds and the trigger re-derives the time it was woken for.
    /// </summary>
    public static DateTimeOffset RenewalTime(DateTimeOffset notBefore, DateTimeOffset notAfter, TimeSpan? renewBefore, int? renewBeforePercentage)
    {
        var lifetime = (notAfter - notBefore).Ticks * NanosPerTick;
        var before = RenewBeforeNanoseconds(lifetime, renewBefore is { } rb ? rb.Ticks * NanosPerTick : null, renewBeforePercentage);
        var at = ((Int128)notAfter.UtcTicks * NanosPerTick) - before;
        var truncated = at - (((at % NanosPerSecond) + NanosPerSecond) % NanosPerSecond);
        return new DateTimeOffset((long)(truncated / NanosPerTick), TimeSpan.Zero);
    }

    /// <summary>
    /// How long before expiry to renew, in Go nanoseconds: renewBefore when positive and shorter than the lifetime,
    /// else renewBeforePercentage of the lifetime when in (0, 100) (in float64, truncated, as Go converts), else a third.
    /// </summary>
    public static long RenewBeforeNanoseconds(long lifetime, long? renewBefore, int? renewBeforePercentage)
    {
        if (renewBefore is { } rb && rb > 0 && rb < lifetime)
        {
            return rb;
        }

        if (renewBeforePercentage is { } pct and > 0 and < 100)
        {
            return (long)((double)lifetime * pct / 100);
        }

        return lifetime / 3;
    }
}
