using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Webhook.Serving;

/// <summary>
/// The webhook's CA as kept in its Secret: tls.crt/tls.key are the current CA, ca.crt is the trust bundle (the
/// current CA plus a previous one until it expires, so leaves signed before a rotation stay trusted).
/// Pure: decides from the Secret and the time whether a new CA is due, and builds the data to write.
/// </summary>
internal static class CaSecret
{
    public const string CertificateKey = "tls.crt";
    public const string PrivateKeyKey = "tls.key";
    public const string BundleKey = "ca.crt";

    /// <summary>Why a new CA must be generated, or null while the stored one is good.</summary>
    public static string? RegenerationReason(Secret? secret, DateTimeOffset now)
    {
        if (secret?.Data is not { } data || !data.TryGetValue(CertificateKey, out var certPem) || !data.TryGetValue(PrivateKeyKey, out var keyPem)
            || !data.ContainsKey(BundleKey))
        {
            return "the CA Secret is missing or lacks tls.crt, tls.key or ca.crt";
        }

        var pair = CaKeyPair.Load(Encoding.ASCII.GetString(certPem), Encoding.ASCII.GetString(keyPem));
        if (!pair.Ok)
        {
            return $"the stored CA is unusable: {pair.Error.Message}";
        }

        using var ca = pair.Value;
        var notBefore = new DateTimeOffset(ca.Certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(ca.Certificate.NotAfter.ToUniversalTime());
        return notAfter - now < (notAfter - notBefore) / 3 ? "the CA certificate is nearing expiry" : null;
    }

    /// <summary>A new self-signed CA; the bundle keeps the certificates of <paramref name="previous"/> that are still valid.</summary>
    public static Dictionary<string, byte[]> NewCa(Secret? previous, ServingIdentity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        using var key = PrivateKey.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs8, RotateAlways: true)).Value!;
        var keyPem = key.ToPem(KeyEncoding.Pkcs8);
        var spec = new CertificateSpec { CommonName = "certoperator-webhook-ca", IsCA = true };
        var csr = CsrBuilder.Build(spec, key);
        var signed = Signer.SelfSign(csr.Value!, keyPem, identity.CaDuration, now);
        if (!signed.Ok)
        {
            throw new CryptographicException($"could not self-sign the webhook CA: {signed.Error.Message}");
        }

        var kept = Bundle(previous).Where(c => c.NotAfter.ToUniversalTime() > now.UtcDateTime).Select(c => c.ExportCertificatePem() + "\n");
        return new Dictionary<string, byte[]>
        {
            [CertificateKey] = Encoding.ASCII.GetBytes(signed.Value.LeafPem),
            [PrivateKeyKey] = Encoding.ASCII.GetBytes(keyPem),
            [BundleKey] = Encoding.ASCII.GetBytes(signed.Value.LeafPem + string.Concat(kept)),
        };
    }

    /// <summary>The trust bundle without the expired certificates; null when it has none to drop.</summary>
    public static byte[]? PrunedBundle(Secret secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var bundle = Bundle(secret);
        var valid = bundle.Where(c => c.NotAfter.ToUniversalTime() > now.UtcDateTime).ToList();
        return valid.Count == bundle.Count || valid.Count == 0 ? null : Encoding.ASCII.GetBytes(string.Concat(valid.Select(c => c.ExportCertificatePem() + "\n")));
    }

    public static IReadOnlyList<X509Certificate2> Bundle(Secret? secret)
    {
        if (secret?.Data?.GetOrDefault(BundleKey) is not { } pem)
        {
            return [];
        }

        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(Encoding.ASCII.GetString(pem));
        }
        catch (CryptographicException)
        {
            return [];
        }

        return [.. collection];
    }
}
