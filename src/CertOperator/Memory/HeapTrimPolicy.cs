namespace CertOperator.Memory;

/// <summary>
/// When to hand the GC's free memory back to the operating system: after a burst of work (at least
/// <see cref="BurstBytes"/> allocated since the last trim), once the process has gone quiet (less than
/// <see cref="QuietBytes"/> allocated in the last <see cref="Period"/>). A burst is an initial list, a wave of
/// issuances or a relist; between bursts the GC keeps the regions it grew into, which is most of the gap between
/// the live heap and the resident set.
/// </summary>
internal sealed record HeapTrimPolicy(TimeSpan Period, long BurstBytes, long QuietBytes)
{
    public static HeapTrimPolicy Default { get; } = new(TimeSpan.FromSeconds(5), BurstBytes: 16 << 20, QuietBytes: 1 << 20);

    public bool ShouldTrim(long allocatedSinceTrim, long allocatedInPeriod) =>
        allocatedSinceTrim >= BurstBytes && allocatedInPeriod < QuietBytes;
}
