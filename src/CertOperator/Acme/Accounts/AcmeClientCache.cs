using System.Collections.Concurrent;
using System.Text;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;
using k8s.Models;

namespace CertOperator.Acme.Accounts;

/// <summary>
/// One ACME client per issuer account, reused across reconciles (its nonce pool and connections are
/// worth keeping). Rebuilt when the server, trust settings or account key change. The account key
/// is read from — or, unless disabled, generated into — spec.acme.privateKeySecretRef.
/// </summary>
internal sealed class AcmeClientCache(
    KubernetesClient kube, IssuerLookup lookup, TimeProvider time, ILoggerFactory loggers, IAcmeRequestObserver requestObserver) : IDisposable
{
    public const string DefaultKeyName = "tls.key";

    private readonly ConcurrentDictionary<string, (string Fingerprint, IAcmeClient Client, AcmeAccountKey Key)> _clients = new();

    /// <summary>The client for <paramref name="issuer"/>'s account; creates the key Secret only when <paramref name="mayGenerateKey"/>.</summary>
    public async Task<AcmeAccountContext> GetAsync(IIssuerObject issuer, bool mayGenerateKey, CancellationToken ct)
    {
        var acme = issuer.Spec.Acme!;
        if (!Uri.TryCreate(acme.Server, UriKind.Absolute, out var server))
        {
            return AcmeAccountContext.Problem("ErrInitIssuer", $"spec.acme.server \"{acme.Server}\" is not an absolute URL such as https://acme-v02.api.letsencrypt.org/directory");
        }

        if (string.IsNullOrEmpty(acme.PrivateKeySecretRef.Name))
        {
            return AcmeAccountContext.Problem("ErrInitIssuer", "spec.acme.privateKeySecretRef.name is required: name the Secret that holds (or will hold) the ACME account key");
        }

        var ns = lookup.SecretNamespace(issuer);
        var keyPem = await ReadOrGenerateKeyAsync(ns, acme.PrivateKeySecretRef.Name, acme.PrivateKeySecretRef.Key ?? DefaultKeyName,
            mayGenerateKey && acme.DisableAccountKeyGeneration != true, ct);
        if (keyPem is null)
        {
            return AcmeAccountContext.Problem("ErrGetKeyPair",
                $"the account key Secret \"{ns}/{acme.PrivateKeySecretRef.Name}\" does not exist and spec.acme.disableAccountKeyGeneration is set: create it or unset that field");
        }

        AcmeAccountKey key;
        try
        {
            key = AcmeAccountKey.FromPem(keyPem);
        }
        catch (ArgumentException e)
        {
            return AcmeAccountContext.Problem("ErrGetKeyPair", $"the account key in Secret \"{ns}/{acme.PrivateKeySecretRef.Name}\" is unusable: {e.Message}");
        }

        var accountUrl = issuer.Status?.Acme is { Uri: { Length: > 0 } uri, LastPrivateKeyHash: var hash } && hash == key.Thumbprint ? new Uri(uri) : null;
        var fingerprint = Transport(acme) + key.Thumbprint;
        var cacheKey = issuer.Metadata.Uid ?? $"{issuer.Metadata.NamespaceProperty}/{issuer.Metadata.Name}";
        if (_clients.TryGetValue(cacheKey, out var cached) && cached.Fingerprint == fingerprint)
        {
            key.Dispose();
            return new AcmeAccountContext(cached.Client, cached.Key.Thumbprint, null, null);
        }

        var client = AcmeClientFactory.Create(new AcmeClientOptions
        {
            DirectoryUrl = server,
            AccountKey = key,
            AccountUrl = accountUrl,
            Handler = AcmeHttpHandlers.Create(acme.CaBundle, acme.SkipTLSVerify == true),
            TimeProvider = time,
            Logger = loggers.CreateLogger<IAcmeClient>(),
            RequestObserver = requestObserver,
        });
        if (_clients.TryRemove(cacheKey, out var old))
        {
            old.Client.Dispose();
            old.Key.Dispose();
        }

        _clients[cacheKey] = (fingerprint, client, key);
        return new AcmeAccountContext(client, key.Thumbprint, null, null);
    }

    /// <summary>
    /// A client for the issuer's server for requests that need no account (renewalInfo is a plain GET): the cached
    /// one when its server and trust settings still match, so a poll costs no read of the account key Secret.
    /// </summary>
    public Task<AcmeAccountContext> GetForReadsAsync(IIssuerObject issuer, CancellationToken ct)
    {
        var cacheKey = issuer.Metadata.Uid ?? $"{issuer.Metadata.NamespaceProperty}/{issuer.Metadata.Name}";
        return _clients.TryGetValue(cacheKey, out var cached) && cached.Fingerprint.StartsWith(Transport(issuer.Spec.Acme!), StringComparison.Ordinal)
            ? Task.FromResult(new AcmeAccountContext(cached.Client, cached.Key.Thumbprint, null, null))
            : GetAsync(issuer, mayGenerateKey: false, ct);
    }

    private static string Transport(AcmeIssuer acme) => $"{acme.Server}|{acme.CaBundle}|{acme.SkipTLSVerify}|";

    private async Task<string?> ReadOrGenerateKeyAsync(string ns, string name, string dataKey, bool mayGenerate, CancellationToken ct)
    {
        var secret = await kube.TryGetAsync<Secret>(ns, name, ct);
        if (secret?.Data?.GetOrDefault(dataKey) is { } pem)
        {
            return Encoding.ASCII.GetString(pem);
        }

        if (!mayGenerate)
        {
            return null;
        }

        using var generated = AcmeAccountKey.Create();
        var keyPem = generated.ExportPkcs8Pem();
        if (secret is null)
        {
            await kube.CreateAsync(new Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]>() { [dataKey] = Encoding.ASCII.GetBytes(keyPem) },
            }, ct);
        }
        else
        {
            secret.Data ??= new Dictionary<string, byte[]>();
            secret.Data[dataKey] = Encoding.ASCII.GetBytes(keyPem);
            await kube.ReplaceAsync(secret, ct);
        }

        return keyPem;
    }

    public void Dispose()
    {
        foreach (var (_, client, key) in _clients.Values)
        {
            client.Dispose();
            key.Dispose();
        }

        _clients.Clear();
    }
}
