using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// A CA issuer's signing pair from its Secret: the CA certificate (first PEM block of tls.crt, followed by
/// the CA's own chain, if any) and its private key, checked to be a CA and to belong together.
/// </summary>
internal sealed class CaKeyPair : IDisposable
{
    private CaKeyPair(IReadOnlyList<X509Certificate2> bundle, PrivateKey key)
    {
        Bundle = bundle;
        Key = key;
    }

    /// <summary>The CA certificate first, then the certificates above it as the Secret listed them.</summary>
    public IReadOnlyList<X509Certificate2> Bundle { get; }

    public X509Certificate2 Certificate => Bundle[0];

    public PrivateKey Key { get; }

    public static PkiResult<CaKeyPair> Load(string caCertPem, string caKeyPem)
    {
        var bundle = LoadCertificates(caCertPem);
        if (bundle is null or [])
        {
            return Invalid("the CA certificate (tls.crt) holds no valid PEM CERTIFICATE block");
        }

        var key = PrivateKey.FromPem(caKeyPem);
        var problem = !key.Ok ? $"the CA private key (tls.key) is invalid: {key.Error.Message}"
            : !ExtensionReader.IsCA(bundle[0].Extensions)
                ? $"the certificate \"{bundle[0].Subject}\" is not a CA: it lacks basicConstraints CA:TRUE"
            : ExtensionReader.HasUsages(bundle[0].Extensions) && !ExtensionReader.UsagesOf(bundle[0].Extensions).Flags.HasFlag(X509KeyUsageFlags.KeyCertSign)
                ? $"the CA certificate \"{bundle[0].Subject}\" may not sign certificates: its key usage lacks cert sign"
            : !key.Value.Matches(bundle[0].PublicKey)
                ? $"the CA private key (tls.key) does not match the CA certificate \"{bundle[0].Subject}\""
            : null;
        if (problem is not null)
        {
            key.Value?.Dispose();
            foreach (var certificate in bundle)
            {
                certificate.Dispose();
            }

            return Invalid(problem);
        }

        return new CaKeyPair(bundle, key.Value!);
    }

    /// <summary>Every PEM CERTIFICATE block in order, or null when one of them does not decode.</summary>
    public static List<X509Certificate2>? LoadCertificates(ReadOnlySpan<char> pem)
    {
        var certificates = new List<X509Certificate2>();
        while (PemEncoding.TryFind(pem, out var fields))
        {
            if (pem[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                try
                {
                    certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data].ToString())));
                }
                catch (CryptographicException)
                {
                    certificates.ForEach(c => c.Dispose());
                    return null;
                }
            }

            pem = pem[fields.Location.End..];
        }

        return certificates;
    }

    private static PkiError Invalid(string message) => new(PkiError.InvalidCa, message);

    public void Dispose()
    {
        Key.Dispose();
        foreach (var certificate in Bundle)
        {
            certificate.Dispose();
        }
    }
}
