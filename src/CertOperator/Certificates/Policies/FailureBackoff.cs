namespace CertOperator.Certificates.Policies;

/// <summary>
/// After a failed issuance the next automatic attempt waits 1 h, doubling per consecutive failure
/// up to 32 h. Computed only from persisted status so it survives restarts.
/// </summary>
internal static class FailureBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromHours(1);
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(32);

    public static TimeSpan Delay(int failedAttempts)
    {
        if (failedAttempts <= 1)
        {
            return Initial;
        }

        var exponent = Math.Min(failedAttempts - 1, 5);
        var delay = Initial * (1 << exponent);
        return delay > Maximum ? Maximum : delay;
    }

    /// <summary>The earliest time the next automatic attempt may start, or null when not backing off.</summary>
    public static DateTimeOffset? NextAttemptAt(DateTimeOffset? lastFailureTime, int? failedAttempts) =>
        lastFailureTime is { } last ? last + Delay(failedAttempts ?? 1) : null;
}
