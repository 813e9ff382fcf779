using System.Globalization;
using CertOperator.Acme;
using Prometheus;

namespace CertOperator.Metrics;

/// <summary>cert-manager's outbound ACME request count and latency summary, fed by the ACME client's request hook.</summary>
internal sealed class AcmeRequestMetrics(OperatorMetrics metrics) : IAcmeRequestObserver
{
    private static readonly string[] Labels = ["scheme", "host", "action", "method", "status"];

    private readonly Counter _count = metrics.Factory.CreateCounter(
        "certmanager_http_acme_client_request_count",
        "Total number of outbound ACME HTTP requests. Labels: scheme (http/https), host (ACME host), action (logical ACME operation), "
        + "method (HTTP verb), status (HTTP status code).",
        Labels);

    private readonly Summary _duration = metrics.Factory.CreateSummary(
        "certmanager_http_acme_client_request_duration_seconds",
        "Latency of outbound ACME HTTP requests in seconds. Summary quantiles approximate request distribution. "
        + "Labels: scheme (http/https), host (ACME host), action (logical ACME operation), method (HTTP verb), status (HTTP status code). "
        + "Use with acme_client_request_count for rate/error analysis.",
        new SummaryConfiguration
        {
            LabelNames = Labels,
            Objectives = [new QuantileEpsilonPair(0.5, 0.05), new QuantileEpsilonPair(0.9, 0.01), new QuantileEpsilonPair(0.99, 0.001)],
        });

    public void RequestCompleted(AcmeRequestObservation request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string[] values =
        [
            request.Url.Scheme, request.Url.Authority, request.Action, request.Method,
            request.StatusCode.ToString(CultureInfo.InvariantCulture),
        ];
        _duration.WithLabels(values).Observe(request.Duration.TotalSeconds);
        _count.WithLabels(values).Inc();
    }
}
