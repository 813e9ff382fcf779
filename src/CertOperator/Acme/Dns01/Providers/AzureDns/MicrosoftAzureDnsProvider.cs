using CertOperator.Acme.Dns01.Providers.Common;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Acme.Dns01.Providers.AzureDns;

/// <summary>
/// Azure DNS (public or private zones), as cert-manager drives it: read the TXT record set, add or remove only our
/// value, and write it back under its ETag (TTL 60 when new); the set is deleted when ours was its last value.
/// </summary>
internal sealed class MicrosoftAzureDnsProvider(KubernetesClient kube, OperatorOptions options, TimeProvider time) : IDnsProvider, IDisposable
{
    private const int Ttl = 60;
    private const string Path = "dns01.azureDNS";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Where ambient (workload identity) settings are read; tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string Field => "azureDNS";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.AzureDns is not null;

    public void Dispose() => _http.Dispose();

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, zone, name) = await ClientAsync(record, ct);
        var existing = await client.GetTxtAsync(zone, name, ct);
        var values = Values(existing);
        if (!values.Contains(record.Value))
        {
            await client.PutTxtAsync(zone, name, existing?.Properties?.Ttl is > 0 and var ttl ? ttl : Ttl, [.. values, record.Value], existing?.Etag, ct);
        }
    }

    public async Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, zone, name) = await ClientAsync(record, ct);
        if (await client.GetTxtAsync(zone, name, ct) is not { } existing || !Values(existing).Contains(record.Value))
        {
            return;
        }

        var rest = Values(existing).Where(v => v != record.Value).ToList();
        if (rest.Count == 0)
        {
            await client.DeleteTxtAsync(zone, name, existing.Etag, ct);
        }
        else
        {
            await client.PutTxtAsync(zone, name, existing.Properties?.Ttl ?? Ttl, rest, existing.Etag, ct);
        }
    }

    /// <summary>Each TXT record's first string, as cert-manager compares them.</summary>
    private static List<string> Values(AzureRecordSet? set) =>
        set?.Properties?.TxtRecords?.Where(r => r.Value.Count > 0).Select(r => r.Value[0]).ToList() ?? [];

    private async Task<(AzureDnsClient Client, string Zone, string Name)> ClientAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var config = record.Config.AzureDns!;
        var cloud = AzureCloud.Of(config.Environment);
        var tokens = new AzureTokenSource(_http, options, time, Environment);
        string token;
        if (!string.IsNullOrEmpty(config.ClientId))
        {
            if (config.ClientSecretSecretRef is null || string.IsNullOrEmpty(config.TenantId))
            {
                throw new SolverConfigurationException($"solver {Path}: clientID needs tenantID and clientSecretSecretRef");
            }

            var secret = await CredentialSecret.ReadAsync(kube, record.SecretNamespace, config.ClientSecretSecretRef, $"{Path}.clientSecretSecretRef", null, ct);
            token = await tokens.ClientSecretAsync(cloud, config.TenantId, config.ClientId, secret, ct);
        }
        else if (record.AllowAmbientCredentials)
        {
            token = await tokens.AmbientAsync(cloud, config.ManagedIdentity, ct);
        }
        else
        {
            throw new SolverConfigurationException(
                $"solver {Path}: no clientID, and this issuer may not use ambient credentials (managed or workload identity; see --issuer-ambient-credentials)");
        }

        var privateZone = string.Equals(config.ZoneType, "AzurePrivateZone", StringComparison.Ordinal);
        var client = new AzureDnsClient(_http, options.Dns01Endpoint(Field, cloud.ResourceManager), config.SubscriptionId, config.ResourceGroupName, privateZone, token, time);
        var zone = config.HostedZoneName is { Length: > 0 } named ? named.TrimEnd('.') : await ZoneAsync(client, record.Fqdn, config.ResourceGroupName, ct);
        try
        {
            return (client, zone, ZoneCandidates.Relative(record.Fqdn, zone));
        }
        catch (ArgumentException e)
        {
            throw new SolverConfigurationException($"solver {Path}.hostedZoneName: {e.Message}", e);
        }
    }

    private static async Task<string> ZoneAsync(AzureDnsClient client, string fqdn, string resourceGroup, CancellationToken ct)
    {
        foreach (var candidate in ZoneCandidates.Of(fqdn))
        {
            if (await client.ZoneExistsAsync(candidate, ct))
            {
                return candidate;
            }
        }

        throw new DnsProviderException($"azuredns: no DNS zone in resource group {resourceGroup} encloses {fqdn}; create one or set hostedZoneName");
    }
}
