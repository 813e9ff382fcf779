using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Ari;

namespace CertOperator.Certificates.Ari;

/// <summary>The RFC 9773 §4.1 identifier of a certificate, when it has one.</summary>
internal static class AriIdentity
{
    /// <summary>Null when the certificate carries no Authority Key Identifier keyIdentifier (no ARI server can name it then).</summary>
    public static string? Of(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault() is { KeyIdentifier: not null }
            ? AriCertificateId.For(certificate)
            : null;
}
