using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// `keystore.p12` (key, leaf and CA chain) and `truststore.p12` (CA certificates) for `spec.keystores.pkcs12`.
/// .NET cannot write RC2, so `LegacyRC2` (cert-manager's default) is written as `LegacyDES`: 3DES with a SHA-1
/// MAC, which every reader of RC2 keystores also reads. `Modern2023` is PBES2 AES-256-CBC with SHA-256.
/// </summary>
internal static class Pkcs12Keystores
{
    public const string Field = "spec.keystores.pkcs12";

    public static PkiResult<Pkcs12ExportPbeParameters> Profile(string? profile) => profile switch
    {
        null or "" or "LegacyRC2" or "LegacyDES" => Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1,
        "Modern2023" => Pkcs12ExportPbeParameters.Pbes2Aes256Sha256,
        _ => new PkiError(PkiError.InvalidKeystore,
            $"{Field}.profile: \"{profile}\" is not a PKCS#12 profile; accepted values: LegacyRC2, LegacyDES, Modern2023",
            $"{Field}.profile", ["LegacyRC2", "LegacyDES", "Modern2023"]),
    };

    /// <summary>The keystore: the leaf with its key, then the rest of the chain and the CA.</summary>
    public static byte[] Keystore(PrivateKey key, IReadOnlyList<X509Certificate2> chain, IReadOnlyList<X509Certificate2> ca, Pkcs12ExportPbeParameters profile, byte[] password)
    {
        using var leaf = key.Key is RSA rsa ? chain[0].CopyWithPrivateKey(rsa) : chain[0].CopyWithPrivateKey((ECDsa)key.Key);
        var collection = new X509Certificate2Collection(leaf);
        foreach (var certificate in chain.Skip(1).Concat(ca).DistinctBy(c => c.Thumbprint))
        {
            collection.Add(certificate);
        }

        return collection.ExportPkcs12(profile, Encoding.UTF8.GetString(password));
    }

    /// <summary>The truststore: the CA certificates as Java trusted-certificate entries.</summary>
    public static byte[] Truststore(IReadOnlyList<X509Certificate2> ca, Pkcs12ExportPbeParameters profile, byte[] password) =>
        Pkcs12TrustStore.Write(ca, password, sha256Mac: profile == Pkcs12ExportPbeParameters.Pbes2Aes256Sha256);
}
