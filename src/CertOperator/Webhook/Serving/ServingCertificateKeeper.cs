using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using k8s.Models;

namespace CertOperator.Webhook.Serving;

/// <summary>
/// Every sync: make sure the CA Secret exists and is not near expiry (a new CA keeps the old one in the bundle),
/// publish the bundle into our webhook configurations, then reissue the in-memory serving certificate when due.
/// In that order, so a certificate is only served once the API server can trust its CA.
/// </summary>
internal sealed partial class ServingCertificateKeeper(
    KubernetesClient client,
    ServingIdentity identity,
    ServingCertificateSource source,
    CaBundlePublisher publisher,
    TimeProvider time,
    WebhookSyncInterval interval,
    ILogger<ServingCertificateKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException or CryptographicException)
            {
                LogSyncFailed(e.Message);
            }

            try
            {
                await Task.Delay(interval.Value, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task SyncAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var secret = await client.TryGetAsync<Secret>(identity.SecretNamespace, identity.SecretName, ct);
        if (secret is not null && secret.Metadata.Labels?.GetOrDefault(ServingIdentity.ManagedByLabel) != ServingIdentity.ManagedByValue)
        {
            LogNotOurs(identity.SecretNamespace, identity.SecretName, ServingIdentity.ManagedByLabel, ServingIdentity.ManagedByValue);
            return;
        }

        if (CaSecret.RegenerationReason(secret, now) is { } reason)
        {
            secret = await WriteAsync(secret, CaSecret.NewCa(secret, identity, now), ct);
            LogNewCa(identity.SecretNamespace, identity.SecretName, reason);
        }
        else if (CaSecret.PrunedBundle(secret!, now) is { } pruned)
        {
            secret = await WriteAsync(secret, new Dictionary<string, byte[]>(secret!.Data!) { [CaSecret.BundleKey] = pruned }, ct);
        }

        if (CaSecret.RegenerationReason(secret, now) is not null)
        {
            // Another replica won a race and wrote a CA this one cannot use yet; the next sync reads it again.
            return;
        }

        foreach (var patched in await publisher.PublishAsync(secret!.Data![CaSecret.BundleKey], ct))
        {
            LogPublished(patched);
        }

        using var ca = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(secret.Data[CaSecret.CertificateKey]));
        if (ServingLeaf.ReissueReason(source.Current, ca, identity, now) is { } why)
        {
            var issued = ServingLeaf.Issue(secret, identity, now);
            source.Use(issued);
            LogNewLeaf(why, issued.NotAfter);
        }
    }

    /// <summary>Creates or replaces the Secret; when another replica wrote first, returns what it wrote.</summary>
    private async Task<Secret?> WriteAsync(Secret? existing, Dictionary<string, byte[]> data, CancellationToken ct)
    {
        try
        {
            if (existing is null)
            {
                return await client.CreateAsync(new Secret
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = identity.SecretName,
                        NamespaceProperty = identity.SecretNamespace,
                        Labels = new Dictionary<string, string>() { [ServingIdentity.ManagedByLabel] = ServingIdentity.ManagedByValue },
                    },
                    Type = "kubernetes.io/tls",
                    Data = data,
                }, ct);
            }

            existing.Data = data;
            return await client.ReplaceAsync(existing, ct);
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return await client.TryGetAsync<Secret>(identity.SecretNamespace, identity.SecretName, ct);
        }
    }

    [LoggerMessage(LogLevel.Error, "Secret {Namespace}/{Name} exists but is not labelled {Label}={Value}; leaving it untouched and serving no certificate")]
    private partial void LogNotOurs(string @namespace, string name, string label, string value);

    [LoggerMessage(LogLevel.Information, "Wrote a new webhook CA to Secret {Namespace}/{Name}: {Reason}")]
    private partial void LogNewCa(string @namespace, string name, string reason);

    [LoggerMessage(LogLevel.Information, "Updated the caBundle of {Configuration}")]
    private partial void LogPublished(string configuration);

    [LoggerMessage(LogLevel.Information, "Serving a new certificate valid until {NotAfter}: {Reason}")]
    private partial void LogNewLeaf(string reason, DateTimeOffset notAfter);

    [LoggerMessage(LogLevel.Warning, "Could not sync the webhook's serving certificate, retrying: {Error}")]
    private partial void LogSyncFailed(string error);
}

/// <summary>How often the keeper syncs (a type of its own so DI can hand it over).</summary>
internal sealed record WebhookSyncInterval(TimeSpan Value);
