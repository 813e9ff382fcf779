using CertOperator.Acme.Dns01.Providers.Common;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>
/// Google Cloud DNS, as cert-manager drives it: present replaces the TXT record set with one holding the old values
/// plus ours (TTL 60) in one change; cleanup replaces it with the other values, or deletes it when ours was the last.
/// </summary>
internal sealed class GoogleCloudDnsProvider(KubernetesClient kube, OperatorOptions options, TimeProvider time) : IDnsProvider, IDisposable
{
    private const int Ttl = 60;
    private const string Path = "dns01.cloudDNS";
    private static readonly Uri PublicEndpoint = new("https://dns.googleapis.com/");
    private static readonly TimeSpan ChangePollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(120);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Where ambient credentials are looked up; tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string Field => "cloudDNS";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.CloudDns is not null;

    public void Dispose() => _http.Dispose();

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, zone) = await ClientAsync(record, ct);
        var existing = (await client.TxtAsync(zone, record.Fqdn, ct)).Where(IsOurName(record)).ToList();
        if (existing.Any(set => set.Rrdatas.Any(v => Unquote(v) == record.Value)))
        {
            return;
        }

        var merged = new ResourceRecordSet { Name = record.Fqdn, Type = "TXT", Ttl = Ttl, Rrdatas = [.. existing.SelectMany(s => s.Rrdatas), $"\"{record.Value}\""] };
        await ApplyAsync(client, zone, new DnsChange { Deletions = existing.Count > 0 ? existing : null, Additions = [merged] }, ct);
    }

    public async Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var (client, zone) = await ClientAsync(record, ct);
        foreach (var set in (await client.TxtAsync(zone, record.Fqdn, ct)).Where(IsOurName(record)))
        {
            var rest = set.Rrdatas.Where(v => Unquote(v) != record.Value).ToList();
            if (rest.Count != set.Rrdatas.Count)
            {
                await ApplyAsync(client, zone, new DnsChange { Deletions = [set], Additions = rest.Count > 0 ? [set with { Rrdatas = rest }] : null }, ct);
            }
        }
    }

    private static Func<ResourceRecordSet, bool> IsOurName(DnsChallengeRecord record) =>
        set => set.Type == "TXT" && string.Equals(set.Name, record.Fqdn, StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string value) => value.Trim('"');

    private async Task ApplyAsync(CloudDnsClient client, string zone, DnsChange change, CancellationToken ct)
    {
        var result = await client.CreateChangeAsync(zone, change, ct);
        var deadline = time.GetUtcNow() + ChangeTimeout;
        while (result.Status == "pending" && result.Id is { } id)
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new DnsProviderException($"clouddns: change {id} in zone {zone} is still pending after {ChangeTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(ChangePollInterval, time, ct);
            result = await client.GetChangeAsync(zone, id, ct);
        }
    }

    private async Task<(CloudDnsClient Client, string Zone)> ClientAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var config = record.Config.CloudDns!;
        if (string.IsNullOrEmpty(config.Project))
        {
            throw new SolverConfigurationException($"solver {Path}.project is required: the Google Cloud project that owns the zone");
        }

        var tokens = new GoogleTokenSource(_http, options, time, Environment);
        string token;
        if (config.ServiceAccountSecretRef is { } keyRef)
        {
            var json = await CredentialSecret.ReadAsync(kube, record.SecretNamespace, keyRef, $"{Path}.serviceAccountSecretRef", null, ct);
            token = await tokens.FromKeyAsync(json, $"Secret \"{record.SecretNamespace}/{keyRef.Name}\" key \"{keyRef.Key}\"", ct);
        }
        else if (record.AllowAmbientCredentials)
        {
            token = await tokens.AmbientAsync(ct);
        }
        else
        {
            throw new SolverConfigurationException(
                $"solver {Path}: no serviceAccountSecretRef, and this issuer may not use ambient credentials (see --issuer-ambient-credentials)");
        }

        var client = new CloudDnsClient(_http, options.Dns01Endpoint(Field, PublicEndpoint), config.Project, token, time);
        return (client, config.HostedZoneName is { Length: > 0 } zone ? zone : await ZoneAsync(client, record.Fqdn, ct));
    }

    /// <summary>The closest enclosing managed zone: a public one, else (as cert-manager falls back) a private one.</summary>
    private static async Task<string> ZoneAsync(CloudDnsClient client, string fqdn, CancellationToken ct)
    {
        foreach (var candidate in ZoneCandidates.Of(fqdn))
        {
            var zones = await client.ZonesNamedAsync(candidate + ".", ct);
            if ((zones.FirstOrDefault(z => z.Visibility is null or "public") ?? zones.FirstOrDefault()) is { } zone)
            {
                return zone.Name;
            }
        }

        throw new DnsProviderException($"clouddns: no managed zone in the project encloses {fqdn}; create one or set hostedZoneName");
    }
}
