using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Metrics;

/// <summary>cert-manager's Issuer and ClusterIssuer ready-status gauges, computed at each scrape from the informer caches.</summary>
internal sealed class IssuerMetrics(SharedInformerFactory informers) : ICacheMetrics
{
    public async ValueTask WriteAsync(MetricsText text, CancellationToken ct)
    {
        foreach (var issuer in informers.GetInformer<Issuer>().Store.List())
        {
            var status = ReadyStatus.Of(issuer.Status?.Conditions);
            foreach (var condition in ReadyStatus.Statuses)
            {
                text.Gauge("certmanager_issuer_ready_status", "The ready status of the Issuer.")
                    .Label("name", issuer.Metadata.Name ?? "").Label("namespace", issuer.Metadata.NamespaceProperty ?? "").Label("condition", condition)
                    .Value(condition == status ? 1 : 0);
            }

            await text.FlushIfFullAsync(ct);
        }

        foreach (var issuer in informers.GetInformer<ClusterIssuer>().Store.List())
        {
            var status = ReadyStatus.Of(issuer.Status?.Conditions);
            foreach (var condition in ReadyStatus.Statuses)
            {
                text.Gauge("certmanager_clusterissuer_ready_status", "The ready status of the ClusterIssuer.")
                    .Label("name", issuer.Metadata.Name ?? "").Label("condition", condition)
                    .Value(condition == status ? 1 : 0);
            }

            await text.FlushIfFullAsync(ct);
        }
    }
}
