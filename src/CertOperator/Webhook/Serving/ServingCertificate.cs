using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Webhook.Serving;

/// <summary>A serving certificate with its private key (in memory only), and the CA that signed it.</summary>
internal sealed record ServingCertificate(X509Certificate2 Certificate, string CaThumbprint)
{
    public DateTimeOffset NotBefore => new(Certificate.NotBefore.ToUniversalTime());

    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime());
}
