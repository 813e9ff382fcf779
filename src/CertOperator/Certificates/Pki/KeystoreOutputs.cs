using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// The keystore entries of `spec.keystores`: `keystore.p12`/`truststore.p12` and `keystore.jks`/`truststore.jks`
/// (the truststores only when a CA is known). .NET cannot write RC2, so `LegacyRC2` is written as `LegacyDES`
/// (3DES, SHA-1 MAC), which every reader of RC2 keystores also reads; `Modern2023` is PBES2 AES-256 with SHA-256.
/// </summary>
internal static class KeystoreOutputs
{
    public const string Pkcs12Keystore = "keystore.p12";
    public const string Pkcs12Truststore = "truststore.p12";
    public const string JksKeystore = "keystore.jks";
    public const string JksTruststore = "truststore.jks";
    private const string Pkcs12Field = "spec.keystores.pkcs12";
    private const string JksField = "spec.keystores.jks";

    /// <summary>Adds the requested keystores to <paramref name="data"/>; returns the error that prevents it, if any.</summary>
    public static PkiError? Add(
        Dictionary<string, byte[]> data, CertificateKeystores? keystores, PrivateKey key, string chainPem, string? caPem, Passwords passwords, List<string> warnings)
    {
        if (keystores?.Pkcs12 is not { Create: true } && keystores?.Jks is not { Create: true })
        {
            return null;
        }

        var chain = CaKeyPair.LoadCertificates(chainPem) ?? [];
        var ca = CaKeyPair.LoadCertificates(caPem ?? "") ?? [];
        try
        {
            if (chain.Count == 0)
            {
                return new PkiError(PkiError.InvalidKeystore, "the signed certificate chain holds no valid PEM CERTIFICATE block");
            }

            return (keystores.Pkcs12 is { Create: true } pkcs12 ? AddPkcs12(data, pkcs12, key, chain, ca, passwords.Pkcs12, warnings) : null)
                ?? (keystores.Jks is { Create: true } jks ? AddJks(data, jks, key, chain, ca, passwords.Jks) : null);
        }
        finally
        {
            chain.ForEach(c => c.Dispose());
            ca.ForEach(c => c.Dispose());
        }
    }

    private static PkiError? AddPkcs12(
        Dictionary<string, byte[]> data, Pkcs12Keystore options, PrivateKey key, List<X509Certificate2> chain, List<X509Certificate2> ca, byte[]? password, List<string> warnings)
    {
        Pkcs12ExportPbeParameters? profile = options.Profile switch
        {
            null or "" or "LegacyRC2" or "LegacyDES" => Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1,
            "Modern2023" => Pkcs12ExportPbeParameters.Pbes2Aes256Sha256,
            _ => null,
        };
        if (options.Profile == "Modern2026")
        {
            return new PkiError(PkiError.InvalidKeystore,
                $"{Pkcs12Field}.profile: this build cannot write Modern2026 keystores (their PBMAC1 MAC); use Modern2023, which the same readers accept",
                $"{Pkcs12Field}.profile");
        }

        if (profile is not { } pbe)
        {
            return new PkiError(PkiError.InvalidKeystore,
                $"{Pkcs12Field}.profile: \"{options.Profile}\" is not a PKCS#12 profile; accepted values: LegacyRC2, LegacyDES, Modern2023",
                $"{Pkcs12Field}.profile", ["LegacyRC2", "LegacyDES", "Modern2023"]);
        }

        if (password is null)
        {
            return MissingPassword(Pkcs12Field, options.PasswordSecretRef?.Name);
        }

        if (options.Profile == "LegacyRC2")
        {
            warnings.Add($"{Pkcs12Field}.profile: LegacyRC2 was written as LegacyDES (3DES), which readers of RC2 keystores also read; this build cannot write RC2");
        }

        using var leaf = key.WithCertificate(chain[0]);
        if (leaf is null)
        {
            return new PkiError(PkiError.InvalidKeystore,
                $"{Pkcs12Field}: this build cannot write {key.Algorithm.Name()} keys into a PKCS#12 keystore; use an RSA or ECDSA key, or set create: false", Pkcs12Field);
        }

        var collection = new X509Certificate2Collection(leaf);
        collection.AddRange(chain.Skip(1).Concat(ca).DistinctBy(c => c.Thumbprint).ToArray());
        data[Pkcs12Keystore] = collection.ExportPkcs12(pbe, Encoding.UTF8.GetString(password));
        if (ca.Count > 0)
        {
            data[Pkcs12Truststore] = Pkcs12TrustStore.Write(ca, password, sha256Mac: pbe == Pkcs12ExportPbeParameters.Pbes2Aes256Sha256);
        }

        return null;
    }

    private static PkiError? AddJks(
        Dictionary<string, byte[]> data, JksKeystore options, PrivateKey key, List<X509Certificate2> chain, List<X509Certificate2> ca, byte[]? password)
    {
        if (password is null)
        {
            return MissingPassword(JksField, options.PasswordSecretRef?.Name);
        }

        // The entries' creation date is the certificate's, so the outputs depend on no clock.
        var created = new DateTimeOffset(chain[0].NotBefore).ToUniversalTime();
        var alias = string.IsNullOrEmpty(options.Alias) ? "certificate" : options.Alias;
        data[JksKeystore] = JavaKeyStore.Keystore(alias, key, chain, ca, password, created);
        if (ca.Count > 0)
        {
            data[JksTruststore] = JavaKeyStore.Truststore(ca, password, created);
        }

        return null;
    }

    private static PkiError MissingPassword(string field, string? secretName) => secretName is null
        ? new(PkiError.InvalidKeystore, $"{field}: set exactly one of passwordSecretRef and password", field)
        : new(PkiError.InvalidKeystore,
            $"{field}.passwordSecretRef: the keystore password was not found in Secret \"{secretName}\"; create it or fix the key name",
            $"{field}.passwordSecretRef");

    /// <summary>The keystore passwords read from the Secrets that `passwordSecretRef` names, or null when absent.</summary>
    internal sealed record Passwords(byte[]? Pkcs12, byte[]? Jks);
}
