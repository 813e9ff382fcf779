using System.Text;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Acme.Dns01;

/// <summary>
/// DNS-01 through RFC 2136 dynamic updates: publishes the TXT value at _acme-challenge.&lt;domain&gt;,
/// waits until the configured (or authoritative) nameservers answer it, and removes only that value.
/// </summary>
internal sealed class Rfc2136Solver(KubernetesClient kube, IssuerLookup lookup, ITxtRecordChecker checker, OperatorOptions options, TimeProvider time) : IChallengeSolver
{
    private const int Ttl = 60;

    public static string RecordName(Challenge challenge) => $"_acme-challenge.{challenge.Spec.DnsName.TrimEnd('.')}.";

    public async Task PresentAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct) =>
        await (await UpdaterAsync(challenge, issuer, ct)).AddTxtAsync(RecordName(challenge), challenge.Spec.Key, Ttl, ct);

    public async Task<string?> CheckAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var name = RecordName(challenge);
        try
        {
            return await checker.IsPresentAsync(name, challenge.Spec.Key, options.Dns01Nameservers, ct)
                ? null
                : $"TXT record {name} does not yet carry the challenge value on {(options.Dns01Nameservers.Count > 0 ? string.Join(", ", options.Dns01Nameservers) : "the zone's authoritative nameservers")}";
        }
        catch (DnsException e)
        {
            // An unreachable or failing nameserver is one more reason the record is not visible yet; it names the server and never the TSIG secret.
            return $"checking TXT record {name} failed: {e.Message}";
        }
    }

    public async Task CleanUpAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct) =>
        await (await UpdaterAsync(challenge, issuer, ct)).RemoveTxtAsync(RecordName(challenge), challenge.Spec.Key, ct);

    private async Task<IDnsUpdater> UpdaterAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var config = challenge.Spec.Solver.Dns01?.Rfc2136
            ?? throw new SolverConfigurationException("the selected dns01 solver has no rfc2136 provider; this build of CertOperator supports DNS-01 through rfc2136 only");
        if (string.IsNullOrWhiteSpace(config.Nameserver))
        {
            throw new SolverConfigurationException("solver dns01.rfc2136.nameserver is required, e.g. 10.0.0.53:53");
        }

        try
        {
            NameserverAddress.Parse(config.Nameserver);
        }
        catch (FormatException e)
        {
            throw new SolverConfigurationException($"solver dns01.rfc2136.nameserver: {e.Message}", e);
        }

        TsigAlgorithm algorithm;
        try
        {
            algorithm = TsigAlgorithm.Parse(config.TsigAlgorithm);
        }
        catch (ArgumentException e)
        {
            throw new SolverConfigurationException($"solver dns01.rfc2136.tsigAlgorithm: {e.Message}", e);
        }

        return new Rfc2136Client(new Rfc2136Options
        {
            Nameserver = config.Nameserver,
            TsigKey = await TsigKeyAsync(config, algorithm, lookup.SecretNamespace(issuer), ct),
            Protocol = string.Equals(config.Protocol, "TCP", StringComparison.OrdinalIgnoreCase) ? DnsProtocol.Tcp : DnsProtocol.Udp,
        }, time);
    }

    private async Task<TsigKey?> TsigKeyAsync(Rfc2136Provider config, TsigAlgorithm algorithm, string ns, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(config.TsigKeyName))
        {
            return null;
        }

        var reference = config.TsigSecretSecretRef
            ?? throw new SolverConfigurationException("solver dns01.rfc2136.tsigSecretSecretRef is required when tsigKeyName is set");
        var secret = await kube.TryGetAsync<Secret>(ns, reference.Name, ct);
        var dataKey = reference.Key ?? "tsig-secret-key";
        if (secret?.Data?.GetValueOrDefault(dataKey) is not { } bytes)
        {
            throw new SolverConfigurationException($"solver dns01.rfc2136.tsigSecretSecretRef: Secret \"{ns}/{reference.Name}\" has no key \"{dataKey}\"");
        }

        try
        {
            return new TsigKey(config.TsigKeyName, algorithm, Encoding.ASCII.GetString(bytes).Trim());
        }
        catch (ArgumentException e)
        {
            // TsigKey's message names the key and never echoes the secret.
            throw new SolverConfigurationException($"solver dns01.rfc2136.tsigSecretSecretRef (Secret \"{ns}/{reference.Name}\", key \"{dataKey}\"): {e.Message}", e);
        }
    }
}
