using CertOperator.Crds.Acme;

namespace CertOperator.Acme.Dns01;

/// <summary>
/// One of cert-manager's `dns01` providers (rfc2136, cloudflare, route53, …): publishes and withdraws one TXT value.
/// Implementations read their credentials on each call, so rotated Secrets take effect without a restart.
/// </summary>
internal interface IDnsProvider
{
    /// <summary>The `dns01` field this provider serves, as written in YAML (e.g. `cloudflare`, `azureDNS`).</summary>
    string Field { get; }

    /// <summary>Whether <paramref name="config"/> selects this provider (its field is set).</summary>
    bool IsSelected(AcmeChallengeSolverDns01 config);

    /// <summary>
    /// Adds the value to the TXT record set at <see cref="DnsChallengeRecord.Fqdn"/>, keeping values already there;
    /// a value already present is success. Bad configuration throws <see cref="Solvers.SolverConfigurationException"/>,
    /// provider refusals <see cref="DnsProviderException"/>; neither message may carry a credential.
    /// </summary>
    Task PresentAsync(DnsChallengeRecord record, CancellationToken ct);

    /// <summary>Removes only this value from the TXT record set, leaving other values; an absent value or record is success.</summary>
    Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct);
}
