namespace CertOperator.Metrics;

/// <summary>Gauges computed from informer caches at each scrape and written straight into the response.</summary>
internal interface ICacheMetrics
{
    /// <summary>Writes this source's families, one after the other, from what the caches hold now.</summary>
    ValueTask WriteAsync(MetricsText text, CancellationToken ct);
}
