using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Metrics;

/// <summary>
/// cert-manager's certificate gauges, computed at each scrape from the Certificate informer cache (status and
/// spec.issuerRef): a deleted Certificate's series go with it. A time not yet in status reads 0, as in cert-manager.
/// </summary>
internal sealed class CertificateMetrics(SharedInformerFactory informers) : ICacheMetrics
{
    private static readonly (string Name, string Help, Func<CertificateStatus?, DateTimeOffset?> Time)[] Timestamps =
    [
        ("certmanager_certificate_not_after_timestamp_seconds", "The timestamp after which the certificate is invalid, expressed as a Unix Epoch Time.", s => s?.NotAfter),
        ("certmanager_certificate_not_before_timestamp_seconds", "The timestamp before which the certificate is invalid, expressed as a Unix Epoch Time.", s => s?.NotBefore),
        ("certmanager_certificate_expiration_timestamp_seconds", "The timestamp after which the certificate expires, expressed in Unix Epoch Time.", s => s?.NotAfter),
        ("certmanager_certificate_renewal_timestamp_seconds", "The timestamp after which the certificate should be renewed, expressed in Unix Epoch Time.", s => s?.RenewalTime),
    ];

    public async ValueTask WriteAsync(MetricsText text, CancellationToken ct)
    {
        var certificates = informers.GetInformer<Certificate>().Store.List();
        foreach (var certificate in certificates)
        {
            var status = ReadyStatus.Of(certificate.Status?.Conditions);
            var issuer = certificate.Spec.IssuerRef;
            foreach (var condition in ReadyStatus.Statuses)
            {
                text.Gauge("certmanager_certificate_ready_status", "The ready status of the certificate.")
                    .Label("name", certificate.Metadata.Name ?? "").Label("namespace", certificate.Metadata.NamespaceProperty ?? "")
                    .Label("condition", condition)
                    .Label("issuer_name", issuer.Name).Label("issuer_kind", issuer.Kind ?? "").Label("issuer_group", issuer.Group ?? "")
                    .Value(condition == status ? 1 : 0);
            }

            await text.FlushIfFullAsync(ct);
        }

        foreach (var (name, help, time) in Timestamps)
        {
            foreach (var certificate in certificates)
            {
                var issuer = certificate.Spec.IssuerRef;
                text.Gauge(name, help)
                    .Label("name", certificate.Metadata.Name ?? "").Label("namespace", certificate.Metadata.NamespaceProperty ?? "")
                    .Label("issuer_name", issuer.Name).Label("issuer_kind", issuer.Kind ?? "").Label("issuer_group", issuer.Group ?? "")
                    .Value(time(certificate.Status)?.ToUnixTimeSeconds() ?? 0);
                await text.FlushIfFullAsync(ct);
            }
        }
    }
}
