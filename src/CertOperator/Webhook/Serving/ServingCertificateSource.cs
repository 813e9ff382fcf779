using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Webhook.Serving;

/// <summary>
/// The certificate Kestrel presents, swapped in place when it is reissued: every TLS handshake asks for the current
/// one, so a new certificate serves the next connection without a restart.
/// </summary>
internal sealed class ServingCertificateSource
{
    private volatile ServingCertificate? _current;

    public ServingCertificate? Current => _current;

    /// <summary>For Kestrel's ServerCertificateSelector; null (no handshake) until the first certificate is issued.</summary>
    public X509Certificate2? Select() => _current?.Certificate;

    public void Use(ServingCertificate certificate) => _current = certificate;
}
