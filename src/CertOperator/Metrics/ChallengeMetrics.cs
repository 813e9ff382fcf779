using CertOperator.Crds.Challenges;
using CertOperator.Crds.Orders;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Metrics;

/// <summary>
/// cert-manager's ACME challenge gauge, computed at each scrape from the Challenge informer cache: one series per
/// state, 1 for the challenge's. The unknown state is the empty string, as in cert-manager.
/// </summary>
internal sealed class ChallengeMetrics(SharedInformerFactory informers) : ICacheMetrics
{
    private static readonly string[] States =
    [
        AcmeStates.Ready, AcmeStates.Valid, AcmeStates.Errored, AcmeStates.Expired, AcmeStates.Invalid, AcmeStates.Processing, "", AcmeStates.Pending,
    ];

    public async ValueTask WriteAsync(MetricsText text, CancellationToken ct)
    {
        foreach (var challenge in informers.GetInformer<Challenge>().Store.List())
        {
            var state = challenge.Status?.State ?? "";
            var processing = (challenge.Status?.Processing ?? false) ? "true" : "false";
            foreach (var s in States)
            {
                text.Gauge("certmanager_certificate_challenge_status", "The status of certificate challenges")
                    .Label("status", s).Label("domain", challenge.Spec.DnsName).Label("reason", challenge.Status?.Reason ?? "")
                    .Label("processing", processing).Label("name", challenge.Metadata.Name ?? "")
                    .Label("namespace", challenge.Metadata.NamespaceProperty ?? "").Label("type", challenge.Spec.Type)
                    .Value(string.Equals(s, state, StringComparison.Ordinal) ? 1 : 0);
            }

            await text.FlushIfFullAsync(ct);
        }
    }
}
