using CertOperator.Acme.Dns01.Providers.Common;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>
/// AWS Route53, as cert-manager drives it: each challenge value is its own multivalue-answer TXT record set (set
/// identifier = value, TTL 10), UPSERTed on present and DELETEd on cleanup, so other values at the name are untouched.
/// </summary>
internal sealed class AmazonRoute53DnsProvider(KubernetesClient kube, OperatorOptions options, TimeProvider time) : IDnsProvider, IDisposable
{
    private const int Ttl = 10;
    private static readonly Uri PublicEndpoint = new("https://route53.amazonaws.com/");
    private static readonly TimeSpan ChangePollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(120);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Where ambient credentials are read; tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string Field => "route53";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.Route53 is not null;

    public Task PresentAsync(DnsChallengeRecord record, CancellationToken ct) => ChangeAsync(record, "UPSERT", ct);

    public void Dispose() => _http.Dispose();

    public Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct) => ChangeAsync(record, "DELETE", ct);

    private async Task ChangeAsync(DnsChallengeRecord record, string action, CancellationToken ct)
    {
        var config = record.Config.Route53!;
        var aws = new AwsHttp(_http, time);
        var credentials = await new AwsCredentialResolver(kube, aws, options, Environment).ResolveAsync(config, record, ct);
        var client = new Route53Client(aws, options.Dns01Endpoint(Field, PublicEndpoint), credentials);
        try
        {
            var zoneId = await ZoneIdAsync(client, config, record.Fqdn, ct);
            ChangeInfo change;
            try
            {
                change = await client.ChangeAsync(zoneId, action, record.Fqdn, record.Value, Ttl, ct);
            }
            catch (AwsApiException e) when (action == "DELETE" && e.Code == "InvalidChangeBatch")
            {
                // Route53 refuses to delete a record set that is not there: our value is already gone.
                return;
            }

            await WaitInSyncAsync(client, change, ct);
        }
        catch (AwsApiException e)
        {
            throw new DnsProviderException($"route53: {e.Message}", e.IsThrottling ? e.RetryAfter ?? TimeSpan.FromSeconds(10) : null, e);
        }
    }

    private static async Task<string> ZoneIdAsync(Route53Client client, Route53Provider config, string fqdn, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(config.HostedZoneId))
        {
            return config.HostedZoneId.Replace("/hostedzone/", "", StringComparison.Ordinal);
        }

        foreach (var candidate in ZoneCandidates.Of(fqdn))
        {
            if (await client.FindPublicZoneAsync(candidate, ct) is { } id)
            {
                return id;
            }
        }

        throw new DnsProviderException($"route53: no public hosted zone in this account encloses {fqdn}; create one or set hostedZoneID");
    }

    private async Task WaitInSyncAsync(Route53Client client, ChangeInfo change, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + ChangeTimeout;
        while (!string.Equals(change.Status, "INSYNC", StringComparison.Ordinal))
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new DnsProviderException($"route53: change {change.Id} is still {change.Status} after {ChangeTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(ChangePollInterval, time, ct);
            change = await client.GetChangeAsync(change.Id, ct);
        }
    }
}
