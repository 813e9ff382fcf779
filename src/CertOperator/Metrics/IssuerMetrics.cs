using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Metrics;

/// <summary>cert-manager's Issuer and ClusterIssuer ready-status gauges, computed at each scrape from the informer caches.</summary>
internal sealed class IssuerMetrics : ICacheMetrics
{
    private readonly SharedInformerFactory _informers;
    private readonly CacheGauge _issuers;
    private readonly CacheGauge _clusterIssuers;

    public IssuerMetrics(OperatorMetrics metrics, SharedInformerFactory informers)
    {
        _informers = informers;
        _issuers = new CacheGauge(metrics.Factory.CreateGauge(
            "certmanager_issuer_ready_status", "The ready status of the Issuer.", ["name", "namespace", "condition"]));
        _clusterIssuers = new CacheGauge(metrics.Factory.CreateGauge(
            "certmanager_clusterissuer_ready_status", "The ready status of the ClusterIssuer.", ["name", "condition"]));
    }

    public void Collect()
    {
        _issuers.Replace(_informers.GetInformer<Issuer>().Store.List().SelectMany(issuer =>
        {
            var status = ReadyStatus.Of(issuer.Status?.Conditions);
            return ReadyStatus.Statuses.Select(c => (new[] { issuer.Metadata.Name ?? "", issuer.Metadata.NamespaceProperty ?? "", c }, c == status ? 1.0 : 0.0));
        }));
        _clusterIssuers.Replace(_informers.GetInformer<ClusterIssuer>().Store.List().SelectMany(issuer =>
        {
            var status = ReadyStatus.Of(issuer.Status?.Conditions);
            return ReadyStatus.Statuses.Select(c => (new[] { issuer.Metadata.Name ?? "", c }, c == status ? 1.0 : 0.0));
        }));
    }
}
