using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
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
            foreach (var condition in ReadyStatus.Statuses)
            {
                Issuer(Identity(text.Gauge("certmanager_certificate_ready_status", "The ready status of the certificate."), certificate)
                    .Label("condition", condition), certificate.Spec.IssuerRef)
                    .Value(condition == status ? 1 : 0);
            }

            await text.FlushIfFullAsync(ct);
        }

        foreach (var (name, help, time) in Timestamps)
        {
            foreach (var certificate in certificates)
            {
                Issuer(Identity(text.Gauge(name, help), certificate), certificate.Spec.IssuerRef)
                    .Value(time(certificate.Status)?.ToUnixTimeSeconds() ?? 0);
                await text.FlushIfFullAsync(ct);
            }
        }
    }

    private static MetricsText Identity(MetricsText sample, Certificate certificate) =>
        sample.Label("name", certificate.Metadata.Name ?? "").Label("namespace", certificate.Metadata.NamespaceProperty ?? "");

    private static MetricsText Issuer(MetricsText sample, IssuerReference issuer) =>
        sample.Label("issuer_name", issuer.Name).Label("issuer_kind", issuer.Kind ?? "").Label("issuer_group", issuer.Group ?? "");
}
