using Prometheus;

namespace CertOperator.Metrics;

/// <summary>
/// The operator's own Prometheus registry: cert-manager's clock metrics, process and .NET runtime basics, and
/// whatever the other metric classes here add. Its own registry, not prometheus-net's static default, so two
/// operators in one test process do not share series, and no .NET meter or event counter is exported unasked.
/// </summary>
internal sealed class OperatorMetrics
{
    public OperatorMetrics(TimeProvider time)
    {
        Registry = global::Prometheus.Metrics.NewCustomRegistry();
        Factory = global::Prometheus.Metrics.WithCustomRegistry(Registry);
        DotNetStats.Register(Registry);

        // cert-manager keeps the counter for compatibility; the gauge is the one to use (time can go backwards).
        var clock = Factory.CreateCounter(
            "certmanager_clock_time_seconds",
            "DEPRECATED: use clock_time_seconds_gauge instead. The clock time given in seconds (from 1970/01/01 UTC).");
        var clockGauge = Factory.CreateGauge(
            "certmanager_clock_time_seconds_gauge",
            "The clock time given in seconds (from 1970/01/01 UTC). Gauge form of the deprecated clock_time_seconds counter. No labels.");
        // Go's process collector exports resident memory under this name; prometheus-net calls it the working set.
        var residentMemory = Factory.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        Registry.AddBeforeCollectCallback(() =>
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            clock.IncTo(now);
            clockGauge.Set(now);
            residentMemory.Set(Environment.WorkingSet);
        });
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }
}
