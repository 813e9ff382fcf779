using CertOperator.Metrics;
using Prometheus;

namespace CertOperator.Tests.Metrics;

/// <summary>The rebuild-per-scrape gauge behind the Certificate, issuer and Challenge metrics.</summary>
public sealed class CacheGaugeTests
{
    private readonly Gauge _gauge = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry())
        .CreateGauge("test_ready_status", "test", ["name", "condition"]);

    [Fact]
    public void A_rebuild_sets_the_present_series_and_drops_those_of_objects_no_longer_cached()
    {
        var gauge = new CacheGauge(_gauge);
        gauge.Replace([(["a", "True"], 1), (["a", "False"], 0), (["b", "True"], 1)]);

        gauge.Replace([(["a", "True"], 0), (["a", "False"], 1)]);

        _gauge.GetAllLabelValues().Select(l => string.Join('/', l)).Should().BeEquivalentTo("a/True", "a/False");
        _gauge.WithLabels("a", "False").Value.Should().Be(1);
        _gauge.WithLabels("a", "True").Value.Should().Be(0);
    }

    [Fact]
    public void An_empty_cache_leaves_no_series()
    {
        var gauge = new CacheGauge(_gauge);
        gauge.Replace([(["a", "True"], 1)]);

        gauge.Replace([]);

        _gauge.GetAllLabelValues().Should().BeEmpty();
    }
}
