namespace CertOperator.Certificates.Policies.Cron;

/// <summary>`@every &lt;duration&gt;`: activations a fixed delay (at least a second, whole seconds) after any instant.</summary>
internal sealed class CronEverySchedule(TimeSpan delay) : CronSchedule
{
    private readonly TimeSpan delay = delay < TimeSpan.FromSeconds(1)
        ? TimeSpan.FromSeconds(1)
        : delay - TimeSpan.FromTicks(delay.Ticks % TimeSpan.TicksPerSecond);

    public override DateTimeOffset Next(DateTimeOffset after) =>
        after + delay - TimeSpan.FromTicks(after.UtcTicks % TimeSpan.TicksPerSecond);
}
