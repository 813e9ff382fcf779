using CertOperator.Crds.Challenges;
using CertOperator.Crds.Orders;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Metrics;

/// <summary>
/// cert-manager's ACME challenge gauge, computed at each scrape from the Challenge informer cache: one series per
/// state, 1 for the challenge's. The unknown state is the empty string, as in cert-manager.
/// </summary>
internal sealed class ChallengeMetrics(OperatorMetrics metrics, SharedInformerFactory informers) : ICacheMetrics
{
    private static readonly string[] States =
    [
        AcmeStates.Ready, AcmeStates.Valid, AcmeStates.Errored, AcmeStates.Expired, AcmeStates.Invalid, AcmeStates.Processing, "", AcmeStates.Pending,
    ];

    private readonly CacheGauge _status = new(metrics.Factory.CreateGauge(
        "certmanager_certificate_challenge_status",
        "The status of certificate challenges",
        ["status", "domain", "reason", "processing", "name", "namespace", "type"]));

    public void Collect() => _status.Replace(informers.GetInformer<Challenge>().Store.List().SelectMany(challenge =>
    {
        var state = challenge.Status?.State ?? "";
        var processing = (challenge.Status?.Processing ?? false) ? "true" : "false";
        return States.Select(s => (
            new[]
            {
                s, challenge.Spec.DnsName, challenge.Status?.Reason ?? "", processing,
                challenge.Metadata.Name ?? "", challenge.Metadata.NamespaceProperty ?? "", challenge.Spec.Type,
            },
            string.Equals(s, state, StringComparison.Ordinal) ? 1.0 : 0.0));
    }));
}
