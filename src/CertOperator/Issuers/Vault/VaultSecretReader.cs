using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Crds.Meta;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// Reads the Secret entries a Vault issuer names, with cert-manager's default keys, trimming tokens and IDs as it
/// does. Messages name the Secret and key, never the value.
/// </summary>
internal sealed class VaultSecretReader(IVaultKubernetes kube, string ns)
{
    public string Namespace => ns;

    public async Task<string> ReadAsync(SecretKeySelector selector, string defaultKey, string field, CancellationToken ct) =>
        await ReadAsync(selector.Name, string.IsNullOrEmpty(selector.Key) ? defaultKey : selector.Key, field, ct);

    public async Task<string> ReadAsync(string name, string key, string field, CancellationToken ct)
    {
        var data = await kube.ReadSecretAsync(ns, name, ct)
            ?? throw new VaultException(VaultFailure.SecretMissing, $"{field}: secret \"{ns}/{name}\" not found");
        return data.GetValueOrDefault(key) is { } bytes
            ? Encoding.UTF8.GetString(bytes)
            : throw new VaultException(VaultFailure.Init, $"{field}: no data for \"{key}\" in secret \"{ns}/{name}\"");
    }

    /// <summary>A client certificate and key for mutual TLS, from PEM entries that may live in two Secrets.</summary>
    public async Task<X509Certificate2> ReadClientCertificateAsync(
        (string Name, string Key, string Field) cert, (string Name, string Key, string Field) key, CancellationToken ct)
    {
        var certPem = await ReadAsync(cert.Name, cert.Key, cert.Field, ct);
        var keyPem = await ReadAsync(key.Name, key.Key, key.Field, ct);
        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException e)
        {
            throw new VaultException(VaultFailure.Init,
                $"{cert.Field}: could not load the client certificate from \"{ns}/{cert.Name}\" (cert) and \"{ns}/{key.Name}\" (key): {e.Message}", e);
        }
    }
}
