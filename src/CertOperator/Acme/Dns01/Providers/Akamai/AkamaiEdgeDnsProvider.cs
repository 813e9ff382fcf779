using CertOperator.Acme.Dns01.Providers.Common;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Acme.Dns01.Providers.Akamai;

/// <summary>
/// Akamai Edge DNS: adds our quoted value to the TXT record set (creating it, TTL 300, as cert-manager does) and on
/// cleanup removes only that value, deleting the set when it was the last one.
/// </summary>
internal sealed class AkamaiEdgeDnsProvider(KubernetesClient kube, OperatorOptions options, TimeProvider time) : IDnsProvider, IDisposable
{
    private const int Ttl = 300;
    private const string Path = "dns01.akamai";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Field => "akamai";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.Akamai is not null;

    public void Dispose() => _http.Dispose();

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, zone) = await ClientAsync(record, ct);
        var name = record.Fqdn.TrimEnd('.');
        var quoted = $"\"{record.Value}\"";
        if (await client.GetTxtAsync(zone, name, ct) is not { } existing)
        {
            await client.CreateTxtAsync(zone, new EdgeDnsRecordSet { Name = name, Type = "TXT", Ttl = Ttl, Rdata = [quoted] }, ct);
            return;
        }

        if (!existing.Rdata.Any(v => Unquote(v) == record.Value))
        {
            await client.UpdateTxtAsync(zone, existing with { Ttl = Ttl, Rdata = [.. existing.Rdata, quoted] }, ct);
        }
    }

    public async Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, zone) = await ClientAsync(record, ct);
        var name = record.Fqdn.TrimEnd('.');
        if (await client.GetTxtAsync(zone, name, ct) is not { } existing || !existing.Rdata.Any(v => Unquote(v) == record.Value))
        {
            return;
        }

        var rest = existing.Rdata.Where(v => Unquote(v) != record.Value).ToList();
        if (rest.Count == 0)
        {
            await client.DeleteTxtAsync(zone, name, ct);
        }
        else
        {
            await client.UpdateTxtAsync(zone, existing with { Rdata = rest }, ct);
        }
    }

    private static string Unquote(string value) => value.Trim('"');

    private async Task<(EdgeDnsClient Client, string Zone)> ClientAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var config = record.Config.Akamai!;
        var ns = record.SecretNamespace;
        var credentials = new EdgeGridCredentials(
            await CredentialSecret.ReadAsync(kube, ns, config.ClientTokenSecretRef, $"{Path}.clientTokenSecretRef", null, ct),
            await CredentialSecret.ReadAsync(kube, ns, config.ClientSecretSecretRef, $"{Path}.clientSecretSecretRef", null, ct),
            await CredentialSecret.ReadAsync(kube, ns, config.AccessTokenSecretRef, $"{Path}.accessTokenSecretRef", null, ct));
        var host = config.ServiceConsumerDomain.Trim().TrimEnd('/');
        var publicUri = new Uri(host.Contains("://", StringComparison.Ordinal) ? host : $"https://{host}/");
        var client = new EdgeDnsClient(_http, options.Dns01Endpoint(Field, publicUri), credentials, time);
        foreach (var candidate in ZoneCandidates.Of(record.Fqdn))
        {
            if (await client.ZoneExistsAsync(candidate, ct))
            {
                return (client, candidate);
            }
        }

        throw new DnsProviderException($"akamai: no Edge DNS zone encloses {record.Fqdn}; the API client's zones must include it");
    }
}
