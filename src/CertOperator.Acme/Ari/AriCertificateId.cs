using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Acme.Ari;

/// <summary>
/// The RFC 9773 §4.1 certificate identifier: base64url(AKI keyIdentifier) "." base64url(serial DER
/// content bytes). Used for renewalInfo lookups and newOrder's "replaces".
/// </summary>
public static class AriCertificateId
{
    public static string For(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var aki = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()
            ?? throw new ArgumentException("The certificate has no Authority Key Identifier extension, so it has no ARI identifier.", nameof(certificate));
        if (aki.KeyIdentifier is not { } keyIdentifier)
        {
            throw new ArgumentException("The certificate's Authority Key Identifier carries no keyIdentifier.", nameof(certificate));
        }

        // SerialNumberBytes is big-endian exactly as DER encodes it, leading 0x00 included.
        return Base64Url.EncodeToString(keyIdentifier.Span) + "." + Base64Url.EncodeToString(certificate.SerialNumberBytes.Span);
    }
}
