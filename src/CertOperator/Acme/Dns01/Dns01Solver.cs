using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Issuers;

namespace CertOperator.Acme.Dns01;

/// <summary>
/// DNS-01 through whichever provider the solver names: publishes the TXT value at `_acme-challenge.&lt;domain&gt;`
/// (or where its CNAME chain ends, under `cnameStrategy: Follow`), waits until the nameservers answer it,
/// and removes only that value. Calls for one record name take turns: a name's apex and wildcard challenges share
/// one TXT record set, and the providers that read, change and write it back would otherwise lose one value.
/// </summary>
internal sealed class Dns01Solver(IEnumerable<IDnsProvider> providers, IssuerLookup lookup, ITxtRecordChecker checker, OperatorOptions options) : IChallengeSolver
{
    private readonly IReadOnlyList<IDnsProvider> _providers = [.. providers];
    private readonly KeyedGate<string> _records = new(StringComparer.OrdinalIgnoreCase);

    public static string RecordName(Challenge challenge) => $"_acme-challenge.{challenge.Spec.DnsName.TrimEnd('.')}.";

    public async Task PresentAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var (provider, record) = await RecordAsync(challenge, issuer, ct);
        using (await _records.EnterAsync(record.Fqdn, ct))
        {
            await provider.PresentAsync(record, ct);
        }
    }

    public async Task<string?> CheckAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var name = RecordName(challenge);
        try
        {
            var fqdn = await FqdnAsync(challenge, Config(challenge), ct);
            var where = options.Dns01Nameservers.Count > 0 ? string.Join(", ", options.Dns01Nameservers) : "the zone's authoritative nameservers";
            return await checker.IsPresentAsync(fqdn, challenge.Spec.Key, options.Dns01Nameservers, ct)
                ? null
                : $"TXT record {fqdn} does not yet carry the challenge value on {where}";
        }
        catch (DnsException e)
        {
            // An unreachable or failing nameserver is one more reason the record is not visible yet; it names the server, never a credential.
            return $"checking TXT record {name} failed: {e.Message}";
        }
    }

    public async Task CleanUpAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var (provider, record) = await RecordAsync(challenge, issuer, ct);
        using (await _records.EnterAsync(record.Fqdn, ct))
        {
            await provider.CleanUpAsync(record, ct);
        }
    }

    private async Task<(IDnsProvider Provider, DnsChallengeRecord Record)> RecordAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var config = Config(challenge);
        var selected = _providers.Where(p => p.IsSelected(config)).ToList();
        var provider = selected.Count switch
        {
            1 => selected[0],
            0 => throw new SolverConfigurationException(
                $"the dns01 solver names no provider this operator supports; set one of {string.Join(", ", _providers.Select(p => p.Field))}"),
            _ => throw new SolverConfigurationException(
                $"the dns01 solver sets {string.Join(" and ", selected.Select(p => p.Field))}; set exactly one provider per solver"),
        };
        var fqdn = await FqdnAsync(challenge, config, ct);
        var ambient = issuer is ClusterIssuer ? options.ClusterIssuerAmbientCredentials : options.IssuerAmbientCredentials;
        return (provider, new DnsChallengeRecord(challenge, config, fqdn, lookup.SecretNamespace(issuer), ambient));
    }

    private async Task<string> FqdnAsync(Challenge challenge, AcmeChallengeSolverDns01 config, CancellationToken ct) =>
        string.Equals(config.CnameStrategy, "Follow", StringComparison.Ordinal)
            ? await checker.ResolveCnameAsync(RecordName(challenge), ct)
            : RecordName(challenge);

    private static AcmeChallengeSolverDns01 Config(Challenge challenge) =>
        challenge.Spec.Solver.Dns01 ?? throw new SolverConfigurationException("the Challenge's solver has no dns01 section for a DNS-01 challenge");
}
