using Prometheus;

namespace CertOperator.Metrics;

/// <summary>
/// A labelled gauge rebuilt from an informer cache at each scrape, like cert-manager's collectors: series of
/// objects no longer in the cache (deleted) disappear, and no API request is made.
/// </summary>
internal sealed class CacheGauge(Gauge gauge)
{
    private readonly Lock _gate = new();

    /// <summary>Sets every series in <paramref name="series"/> and removes every other one.</summary>
    public void Replace(IEnumerable<(string[] Labels, double Value)> series)
    {
        lock (_gate)
        {
            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (labels, value) in series)
            {
                gauge.WithLabels(labels).Set(value);
                keep.Add(Key(labels));
            }

            foreach (var stale in gauge.GetAllLabelValues().Where(l => !keep.Contains(Key(l))).ToList())
            {
                gauge.RemoveLabelled(stale);
            }
        }
    }

    private static string Key(string[] labels) => string.Join('\0', labels);
}
