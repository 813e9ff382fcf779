using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Metrics;

/// <summary>
/// cert-manager's certificate gauges, computed at each scrape from the Certificate informer cache (status and
/// spec.issuerRef): a deleted Certificate's series go with it. A time not yet in status reads 0, as in cert-manager.
/// </summary>
internal sealed class CertificateMetrics : ICacheMetrics
{
    private static readonly string[] Labels = ["name", "namespace", "issuer_name", "issuer_kind", "issuer_group"];

    private readonly SharedInformerFactory _informers;
    private readonly CacheGauge _ready;
    private readonly CacheGauge _notAfter;
    private readonly CacheGauge _notBefore;
    private readonly CacheGauge _expiration;
    private readonly CacheGauge _renewal;

    public CertificateMetrics(OperatorMetrics metrics, SharedInformerFactory informers)
    {
        _informers = informers;
        var factory = metrics.Factory;
        _ready = new CacheGauge(factory.CreateGauge(
            "certmanager_certificate_ready_status",
            "The ready status of the certificate.",
            ["name", "namespace", "condition", "issuer_name", "issuer_kind", "issuer_group"]));
        _notAfter = new CacheGauge(factory.CreateGauge(
            "certmanager_certificate_not_after_timestamp_seconds",
            "The timestamp after which the certificate is invalid, expressed as a Unix Epoch Time.",
            Labels));
        _notBefore = new CacheGauge(factory.CreateGauge(
            "certmanager_certificate_not_before_timestamp_seconds",
            "The timestamp before which the certificate is invalid, expressed as a Unix Epoch Time.",
            Labels));
        _expiration = new CacheGauge(factory.CreateGauge(
            "certmanager_certificate_expiration_timestamp_seconds",
            "The timestamp after which the certificate expires, expressed in Unix Epoch Time.",
            Labels));
        _renewal = new CacheGauge(factory.CreateGauge(
            "certmanager_certificate_renewal_timestamp_seconds",
            "The timestamp after which the certificate should be renewed, expressed in Unix Epoch Time.",
            Labels));
    }

    public void Collect()
    {
        var certificates = _informers.GetInformer<Certificate>().Store.List();
        _ready.Replace(certificates.SelectMany(ReadySeries));
        _notAfter.Replace(certificates.Select(c => (Identity(c), Seconds(c.Status?.NotAfter))));
        _notBefore.Replace(certificates.Select(c => (Identity(c), Seconds(c.Status?.NotBefore))));
        _expiration.Replace(certificates.Select(c => (Identity(c), Seconds(c.Status?.NotAfter))));
        _renewal.Replace(certificates.Select(c => (Identity(c), Seconds(c.Status?.RenewalTime))));
    }

    private static IEnumerable<(string[] Labels, double Value)> ReadySeries(Certificate certificate)
    {
        var status = ReadyStatus.Of(certificate.Status?.Conditions);
        var issuer = certificate.Spec.IssuerRef;
        return ReadyStatus.Statuses.Select(condition => (
            new[] { certificate.Metadata.Name ?? "", certificate.Metadata.NamespaceProperty ?? "", condition, issuer.Name, issuer.Kind ?? "", issuer.Group ?? "" },
            condition == status ? 1.0 : 0.0));
    }

    private static string[] Identity(Certificate certificate) =>
    [
        certificate.Metadata.Name ?? "", certificate.Metadata.NamespaceProperty ?? "",
        certificate.Spec.IssuerRef.Name, certificate.Spec.IssuerRef.Kind ?? "", certificate.Spec.IssuerRef.Group ?? "",
    ];

    private static double Seconds(DateTimeOffset? time) => time?.ToUnixTimeSeconds() ?? 0;
}
