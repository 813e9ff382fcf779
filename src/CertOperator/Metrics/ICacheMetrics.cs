namespace CertOperator.Metrics;

/// <summary>Gauges computed from informer caches just before each scrape.</summary>
internal interface ICacheMetrics
{
    void Collect();
}
