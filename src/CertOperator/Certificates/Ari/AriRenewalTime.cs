namespace CertOperator.Certificates.Ari;

/// <summary>How ACME Renewal Information changes the renewal time, as cert-manager 1.21 does with ACMEUseARI.</summary>
internal static class AriRenewalTime
{
    /// <summary>
    /// The instant at <see cref="AriWindow.Fraction"/> of the suggested window, truncated to the second like the
    /// schedule. It replaces <paramref name="scheduled"/> whether earlier or later, as in cert-manager (whose trigger
    /// waits for the window even past the renewBefore time; an expired certificate is still reissued at once). A
    /// window that starts at or before <paramref name="notBefore"/> was suggested for the certificate this one replaced
    /// and is ignored until the next poll, or the new certificate would renew again at once. A time already past
    /// means renew now (RFC 9773 §4.2).
    /// </summary>
    public static DateTimeOffset Choose(DateTimeOffset scheduled, AriWindow? window, DateTimeOffset notBefore)
    {
        if (window is null || window.Start <= notBefore)
        {
            return scheduled;
        }

        var at = window.End <= window.Start
            ? window.Start
            : window.Start + TimeSpan.FromTicks((long)(Math.Clamp(window.Fraction, 0, 1) * (window.End - window.Start).Ticks));
        return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
