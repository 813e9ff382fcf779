using System.Text;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Acme.Dns01.Providers;

/// <summary>Reads one credential from a Secret entry a `dns01` provider names; messages name the field and Secret, never the value.</summary>
internal static class ProviderSecret
{
    /// <summary>
    /// The entry's bytes. A missing Secret or entry is a <see cref="DnsProviderException"/>, retried with backoff, since
    /// the Secret is often created or fixed after the Issuer (cert-manager retries too).
    /// </summary>
    public static async Task<byte[]> ReadBytesAsync(KubernetesClient kube, string ns, SecretKeySelector? selector, string field, string? defaultKey, CancellationToken ct)
    {
        var key = string.IsNullOrEmpty(selector?.Key) ? defaultKey : selector.Key;
        if (selector is null || string.IsNullOrEmpty(selector.Name) || string.IsNullOrEmpty(key))
        {
            throw new Solvers.SolverConfigurationException($"solver {field} must name a Secret and a key");
        }

        var secret = await kube.TryGetAsync<Secret>(ns, selector.Name, ct)
            ?? throw new DnsProviderException($"solver {field}: Secret \"{ns}/{selector.Name}\" not found; create it or fix the reference");
        return secret.Data?.GetOrDefault(key)
            ?? throw new DnsProviderException($"solver {field}: Secret \"{ns}/{selector.Name}\" has no key \"{key}\"");
    }

    /// <summary>The entry as text without surrounding whitespace (a trailing newline from `echo` is common).</summary>
    public static async Task<string> ReadAsync(KubernetesClient kube, string ns, SecretKeySelector? selector, string field, CancellationToken ct, string? defaultKey = null)
    {
        var value = Encoding.UTF8.GetString(await ReadBytesAsync(kube, ns, selector, field, defaultKey, ct)).Trim();
        if (value.Length == 0)
        {
            throw new DnsProviderException($"solver {field}: the Secret entry \"{ns}/{selector!.Name}\" is empty");
        }

        // A control character would be rejected by HttpClient with an exception quoting the header value.
        if (value.Any(c => char.IsControl(c)))
        {
            throw new Solvers.SolverConfigurationException($"solver {field}: the Secret entry \"{ns}/{selector!.Name}\" contains a control character (a newline inside the credential?)");
        }

        return value;
    }
}
