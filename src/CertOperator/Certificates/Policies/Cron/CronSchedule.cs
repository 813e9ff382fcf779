namespace CertOperator.Certificates.Policies.Cron;

/// <summary>A parsed cron expression: the first activation strictly after an instant, as robfig/cron's Schedule.Next.</summary>
internal abstract class CronSchedule
{
    /// <summary>Go's zero time (0001-01-01 UTC): what Next returns when nothing matches within five years.</summary>
    public static readonly DateTimeOffset Never = DateTimeOffset.MinValue;

    public abstract DateTimeOffset Next(DateTimeOffset after);
}
