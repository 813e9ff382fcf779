using CertOperator.Crds.Acme;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>
/// DigitalOcean Domains (cert-manager's `dns01.digitalocean`): the zone comes from an SOA lookup, the TXT value is
/// added unless present, and cleanup deletes only records carrying this value.
/// </summary>
internal sealed partial class DigitalOceanDnsProvider(
    KubernetesClient kube, ITxtRecordChecker dns, OperatorOptions options, TimeProvider time, ILogger<DigitalOceanDnsProvider> logger)
    : IDnsProvider, IDisposable
{
    /// <summary>cert-manager's TTL for DigitalOcean challenge records.</summary>
    private const int Ttl = 60;
    private static readonly Uri PublicEndpoint = new("https://api.digitalocean.com/");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Field => "digitalocean";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.DigitalOcean is not null;

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, domain) = await ClientAsync(record, ct);
        var existing = await client.ListTxtAsync(domain, record.Fqdn.TrimEnd('.'), ct);
        if (existing.Any(r => r.Type == "TXT" && r.Data == record.Value))
        {
            return;
        }

        await client.CreateTxtAsync(domain, record.Fqdn, record.Value, Ttl, ct);
        LogPresented(logger, record.Fqdn, domain);
    }

    public async Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, domain) = await ClientAsync(record, ct);
        foreach (var match in (await client.ListTxtAsync(domain, record.Fqdn.TrimEnd('.'), ct)).Where(r => r.Data == record.Value))
        {
            await client.DeleteAsync(domain, match.Id, ct);
            LogRemoved(logger, record.Fqdn, domain);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<(DigitalOceanClient Client, string Domain)> ClientAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var token = await ProviderSecret.ReadAsync(kube, record.SecretNamespace, record.Config.DigitalOcean!.TokenSecretRef, "dns01.digitalocean.tokenSecretRef", ct);
        var zone = await dns.FindZoneAsync(record.Fqdn, ct);
        return (new DigitalOceanClient(_http, EndpointUri.For(options, Field, PublicEndpoint), token, time), zone.TrimEnd('.'));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DigitalOcean: added the challenge TXT value at {Fqdn} in domain {Domain}")]
    private static partial void LogPresented(ILogger logger, string fqdn, string domain);

    [LoggerMessage(Level = LogLevel.Information, Message = "DigitalOcean: removed the challenge TXT value at {Fqdn} in domain {Domain}")]
    private static partial void LogRemoved(ILogger logger, string fqdn, string domain);
}
