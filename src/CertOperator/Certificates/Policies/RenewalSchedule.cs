namespace CertOperator.Certificates.Policies;

/// <summary>When a certificate should be renewed, computed as cert-manager does.</summary>
internal static class RenewalSchedule
{
    /// <summary>
    /// notAfter minus renewBefore, where renewBefore is spec.renewBefore when shorter than the
    /// actual lifetime, else spec.renewBeforePercentage of the lifetime, else a third of it.
    /// Truncated to whole seconds so the value written to status is stable.
    /// </summary>
    public static DateTimeOffset RenewalTime(DateTimeOffset notBefore, DateTimeOffset notAfter, TimeSpan? renewBefore, int? renewBeforePercentage)
    {
        var lifetime = notAfter - notBefore;
        var before = lifetime / 3;
        if (renewBefore is { } rb && rb < lifetime)
        {
            before = rb;
        }
        else if (renewBeforePercentage is { } pct and > 0 and < 100)
        {
            before = lifetime * pct / 100;
        }

        var at = notAfter - before;
        return new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
