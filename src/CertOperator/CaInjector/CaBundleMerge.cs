using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.CaInjector;

/// <summary>
/// cert-manager's CAInjectorMerging (GA, on by default): the CA is appended to the certificates already in the
/// bundle, duplicates and expired certificates are dropped, so clients trusting the old CA keep working through a
/// rotation. A bundle or CA that does not parse as PEM certificates is replaced by the CA as it is.
/// </summary>
internal static class CaBundleMerge
{
    public static byte[] Merge(byte[]? bundle, byte[] ca, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var existing = Parse(bundle);
        var additional = Parse(ca);
        if (existing is null || additional is null)
        {
            return ca;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var output = new StringBuilder();
        foreach (var certificate in existing.Concat(additional))
        {
            if (now <= certificate.NotAfter && seen.Add(Convert.ToBase64String(certificate.RawData)))
            {
                output.Append(certificate.ExportCertificatePem()).Append('\n');
            }
        }

        foreach (var certificate in existing.Concat(additional))
        {
            certificate.Dispose();
        }

        return Encoding.ASCII.GetBytes(output.ToString());
    }

    /// <summary>Every CERTIFICATE block, or null when a block is not one or does not parse; empty input is an empty set.</summary>
    private static List<X509Certificate2>? Parse(byte[]? pem)
    {
        var certificates = new List<X509Certificate2>();
        if (pem is not { Length: > 0 })
        {
            return certificates;
        }

        var text = Encoding.ASCII.GetString(pem).AsSpan();
        while (PemEncoding.TryFind(text, out var fields))
        {
            if (!text[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                return Dispose(certificates);
            }

            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text[fields.Base64Data].ToString())));
            }
            catch (CryptographicException)
            {
                return Dispose(certificates);
            }

            text = text[fields.Location.End..];
        }

        return certificates.Count == 0 ? Dispose(certificates) : certificates;
    }

    private static List<X509Certificate2>? Dispose(List<X509Certificate2> certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }

        return null;
    }
}
