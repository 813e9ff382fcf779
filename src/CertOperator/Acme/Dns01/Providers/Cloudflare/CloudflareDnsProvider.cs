using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>
/// Cloudflare DNS (cert-manager's `dns01.cloudflare`): finds the nearest zone through the API, adds the TXT value
/// unless it is already there, and deletes only the record carrying this value.
/// </summary>
internal sealed partial class CloudflareDnsProvider(KubernetesClient kube, OperatorOptions options, TimeProvider time, ILogger<CloudflareDnsProvider> logger)
    : IDnsProvider, IDisposable
{
    /// <summary>cert-manager's TTL for Cloudflare challenge records.</summary>
    private const int Ttl = 60;
    private static readonly Uri PublicEndpoint = new("https://api.cloudflare.com/client/v4/");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Field => "cloudflare";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.Cloudflare is not null;

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var client = await ClientAsync(record, ct);
        var name = record.Fqdn.TrimEnd('.');
        var zone = await client.FindZoneAsync(record.Fqdn, ct) ?? throw NoZone(record.Fqdn);
        var existing = await client.ListTxtAsync(zone.Id, name, ct);
        if (existing.Any(r => Carries(r, name, record.Value)))
        {
            return;
        }

        await client.CreateTxtAsync(zone.Id, name, record.Value, Ttl, ct);
        LogPresented(logger, record.Fqdn, zone.Name);
    }

    public async Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var client = await ClientAsync(record, ct);
        var name = record.Fqdn.TrimEnd('.');
        if (await client.FindZoneAsync(record.Fqdn, ct) is not { } zone)
        {
            // No zone in the account: no record of ours can exist to remove.
            return;
        }

        foreach (var match in (await client.ListTxtAsync(zone.Id, name, ct)).Where(r => Carries(r, name, record.Value) && r.Id is not null))
        {
            await client.DeleteAsync(zone.Id, match.Id!, ct);
            LogRemoved(logger, record.Fqdn, zone.Name);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Cloudflare may return TXT content wrapped in quotes; either form is our value.</summary>
    private static bool Carries(CloudflareRecord r, string name, string value) =>
        string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) && (r.Content == value || r.Content == $"\"{value}\"");

    private static DnsProviderException NoZone(string fqdn) =>
        new($"Cloudflare has no zone containing {fqdn} in this account: add the zone, or check that the API credentials may read it (Zone:Read)");

    private async Task<CloudflareClient> ClientAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var config = record.Config.Cloudflare!;
        CloudflareCredentials credentials;
        if (config.ApiTokenSecretRef is not null && config.ApiKeySecretRef is not null)
        {
            throw new SolverConfigurationException("solver dns01.cloudflare: apiKeySecretRef and apiTokenSecretRef cannot both be set; prefer apiTokenSecretRef");
        }

        if (config.ApiTokenSecretRef is { } tokenRef)
        {
            credentials = CloudflareCredentials.Token(await ProviderSecret.ReadAsync(kube, record.SecretNamespace, tokenRef, "dns01.cloudflare.apiTokenSecretRef", ct));
        }
        else if (config.ApiKeySecretRef is { } keyRef)
        {
            if (string.IsNullOrWhiteSpace(config.Email))
            {
                throw new SolverConfigurationException("solver dns01.cloudflare.email is required with apiKeySecretRef: the Cloudflare account's email");
            }

            credentials = CloudflareCredentials.GlobalKey(config.Email.Trim(), await ProviderSecret.ReadAsync(kube, record.SecretNamespace, keyRef, "dns01.cloudflare.apiKeySecretRef", ct));
        }
        else
        {
            throw new SolverConfigurationException("solver dns01.cloudflare needs apiTokenSecretRef (preferred) or apiKeySecretRef with email");
        }

        return new CloudflareClient(_http, EndpointUri.For(options, Field, PublicEndpoint), credentials, time);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cloudflare: added the challenge TXT value at {Fqdn} in zone {Zone}")]
    private static partial void LogPresented(ILogger logger, string fqdn, string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cloudflare: removed the challenge TXT value at {Fqdn} in zone {Zone}")]
    private static partial void LogRemoved(ILogger logger, string fqdn, string zone);
}
