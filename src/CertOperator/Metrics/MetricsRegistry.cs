using Prometheus;

namespace CertOperator.Metrics;

/// <summary>What a scrape reads: the operator's registry with every cache-computed gauge refreshed first.</summary>
internal sealed class MetricsRegistry
{
    public MetricsRegistry(OperatorMetrics metrics, IEnumerable<ICacheMetrics> cacheMetrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var source in cacheMetrics)
        {
            metrics.Registry.AddBeforeCollectCallback(source.Collect);
        }

        Registry = metrics.Registry;
    }

    public CollectorRegistry Registry { get; }
}
