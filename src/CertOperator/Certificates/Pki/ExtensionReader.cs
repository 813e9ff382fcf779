using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>Reads basic constraints, usages and the public key from a certificate's or CSR's extensions.</summary>
internal static class ExtensionReader
{
    private const string BasicConstraintsOid = "2.5.29.19";
    private const string KeyUsageOid = "2.5.29.15";
    private const string ExtendedKeyUsageOid = "2.5.29.37";
    private const string Ed25519Oid = "1.3.101.112";

    public static bool IsCA(IEnumerable<X509Extension> extensions) =>
        Find(extensions, BasicConstraintsOid) is { } raw && Decode<X509BasicConstraintsExtension>(raw).CertificateAuthority;

    public static bool HasBasicConstraints(IEnumerable<X509Extension> extensions) => Find(extensions, BasicConstraintsOid) is not null;

    public static bool HasUsages(IEnumerable<X509Extension> extensions) =>
        Find(extensions, KeyUsageOid) is not null || Find(extensions, ExtendedKeyUsageOid) is not null;

    public static UsageSet UsagesOf(IEnumerable<X509Extension> extensions)
    {
        var flags = Find(extensions, KeyUsageOid) is { } ku ? Decode<X509KeyUsageExtension>(ku).KeyUsages : X509KeyUsageFlags.None;
        var oids = Find(extensions, ExtendedKeyUsageOid) is { } eku
            ? Decode<X509EnhancedKeyUsageExtension>(eku).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value ?? "").ToList()
            : [];
        return new UsageSet(flags, oids);
    }

    /// <summary>"RSA", "ECDSA" or "Ed25519" and the key size in bits; an unknown algorithm reports its OID and 0.</summary>
    public static (string Algorithm, int Size) DescribeKey(PublicKey key)
    {
        if (key.GetRSAPublicKey() is { } rsa)
        {
            using (rsa)
            {
                return (KeyAlgorithm.Rsa.Name(), rsa.KeySize);
            }
        }

        if (key.GetECDsaPublicKey() is { } ecdsa)
        {
            using (ecdsa)
            {
                return (KeyAlgorithm.Ecdsa.Name(), ecdsa.KeySize);
            }
        }

        return key.Oid.Value == Ed25519Oid ? (KeyAlgorithm.Ed25519.Name(), 256) : (key.Oid.Value ?? "unknown", 0);
    }

    private static X509Extension? Find(IEnumerable<X509Extension> extensions, string oid) =>
        extensions.FirstOrDefault(e => e.Oid?.Value == oid);

    private static T Decode<T>(X509Extension raw)
        where T : X509Extension, new()
    {
        var typed = new T();
        typed.CopyFrom(raw);
        return typed;
    }
}
