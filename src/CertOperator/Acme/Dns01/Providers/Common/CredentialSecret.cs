using System.Text;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Acme.Dns01.Providers.Common;

/// <summary>Reads one credential from a Secret entry a `dns01` provider field names.</summary>
internal static class CredentialSecret
{
    /// <summary>
    /// The entry's text, trimmed. A missing Secret or key is a <see cref="DnsProviderException"/> (retried: the Secret may
    /// arrive later); the message names the field, the Secret and the key, never the value.
    /// </summary>
    public static async Task<string> ReadAsync(KubernetesClient kube, string ns, SecretKeySelector selector, string field, string? defaultKey, CancellationToken ct)
    {
        var key = string.IsNullOrEmpty(selector.Key) ? defaultKey : selector.Key;
        if (string.IsNullOrEmpty(key))
        {
            throw new DnsProviderException($"solver {field}: key must be specified");
        }

        var secret = await kube.TryGetAsync<Secret>(ns, selector.Name, ct)
            ?? throw new DnsProviderException($"solver {field}: Secret \"{ns}/{selector.Name}\" not found");
        if (secret.Data?.GetOrDefault(key) is not { } bytes)
        {
            throw new DnsProviderException($"solver {field}: Secret \"{ns}/{selector.Name}\" has no key \"{key}\"");
        }

        return Encoding.UTF8.GetString(bytes).Trim();
    }
}
