using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Webhook.Serving;

/// <summary>
/// The serving certificate: issued by this process from the CA in the Secret, kept only in memory (as cert-manager's
/// dynamic source does), and reissued with a third of its life left or, once a new CA has had time to reach the
/// webhook configurations, under that CA.
/// </summary>
internal static class ServingLeaf
{
    public static ServingCertificate Issue(Secret caSecret, ServingIdentity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caSecret);
        ArgumentNullException.ThrowIfNull(identity);
        var caPem = Encoding.ASCII.GetString(caSecret.Data![CaSecret.CertificateKey]);
        using var key = PrivateKey.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs8, RotateAlways: true)).Value!;
        var spec = new CertificateSpec
        {
            DnsNames = [.. identity.DnsNames.Where(n => !IPAddress.TryParse(n, out _))],
            IpAddresses = [.. identity.DnsNames.Where(n => IPAddress.TryParse(n, out _))],
            Usages = [KeyUsages.DigitalSignature, KeyUsages.KeyEncipherment, KeyUsages.ServerAuth],
        };
        var csr = CsrBuilder.Build(spec, key);
        if (!csr.Ok)
        {
            throw new CryptographicException($"could not build the serving certificate request: {csr.Error.Message}");
        }

        var signed = Signer.SignWithCa(csr.Value, caPem, Encoding.ASCII.GetString(caSecret.Data[CaSecret.PrivateKeyKey]), identity.LeafDuration, now);
        if (!signed.Ok)
        {
            throw new CryptographicException($"could not sign the serving certificate: {signed.Error.Message}");
        }

        using var certificate = X509Certificate2.CreateFromPem(signed.Value.LeafPem);
        using var ca = X509Certificate2.CreateFromPem(caPem);
        return new ServingCertificate(key.WithCertificate(certificate)!, ca.Thumbprint);
    }

    /// <summary>Why <paramref name="current"/> must be replaced, or null while it is good.</summary>
    public static string? ReissueReason(ServingCertificate? current, X509Certificate2 currentCa, ServingIdentity identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(currentCa);
        ArgumentNullException.ThrowIfNull(identity);
        if (current is null)
        {
            return "no serving certificate yet";
        }

        if (current.NotAfter - now < (current.NotAfter - current.NotBefore) / 3)
        {
            return "the serving certificate is nearing expiry";
        }

        var caAge = now - new DateTimeOffset(currentCa.NotBefore.ToUniversalTime());
        return current.CaThumbprint != currentCa.Thumbprint && caAge >= identity.CaPropagationDelay
            ? "the CA was rotated and the new one has reached the webhook configurations"
            : null;
    }
}
