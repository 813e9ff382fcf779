using CertOperator.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace CertOperator.Hosting;

/// <summary>
/// /metrics on the metrics listener's <c>port</c> only, in the Prometheus text format (0.0.4), as controller-runtime
/// serves cert-manager's: the registry's counters and histograms first, then the gauges computed from the caches.
/// </summary>
internal static class MetricsEndpoint
{
    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapMetrics(this WebApplication app, int port)
    {
        var registry = app.Services.GetRequiredService<OperatorMetrics>().Registry;
        var caches = app.Services.GetServices<ICacheMetrics>().ToArray();
        app.MapGet("/metrics", async (HttpContext http) =>
        {
            if (http.Connection.LocalPort != port)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var ct = http.RequestAborted;
            http.Response.ContentType = ContentType;
            await registry.CollectAndExportAsTextAsync(http.Response.Body, ExpositionFormat.PrometheusText, ct);
            var text = new MetricsText(http.Response.BodyWriter);
            foreach (var source in caches)
            {
                await source.WriteAsync(text, ct);
            }

            await http.Response.BodyWriter.FlushAsync(ct);
        });
    }
}
