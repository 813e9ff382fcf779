using System.Text;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Dns;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Acme.Dns01.Providers;

/// <summary>RFC 2136 dynamic updates (BIND, PowerDNS, Knot…), optionally signed with TSIG.</summary>
internal sealed class Rfc2136DnsProvider(KubernetesClient kube, TimeProvider time) : IDnsProvider
{
    private const int Ttl = 60;

    public string Field => "rfc2136";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.Rfc2136 is not null;

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct) =>
        await (await UpdaterAsync(record, ct)).AddTxtAsync(record.Fqdn, record.Value, Ttl, ct);

    public async Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct) =>
        await (await UpdaterAsync(record, ct)).RemoveTxtAsync(record.Fqdn, record.Value, ct);

    private async Task<IDnsUpdater> UpdaterAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var config = record.Config.Rfc2136!;
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
            TsigKey = await TsigKeyAsync(config, algorithm, record.SecretNamespace, ct),
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
        if (secret?.Data?.GetOrDefault(dataKey) is not { } bytes)
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
