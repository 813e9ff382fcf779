using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;

namespace CertOperator.Tests.Certificates.Pki;

/// <summary>Keys and CAs made once per test run (RSA generation is the slow part) and spec builders.</summary>
internal static class PkiFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> Rsa = new(() => NewKeyPem(KeyAlgorithm.Rsa, 2048));
    private static readonly Lazy<string> OtherRsa = new(() => NewKeyPem(KeyAlgorithm.Rsa, 2048));
    private static readonly Lazy<string> Ec = new(() => NewKeyPem(KeyAlgorithm.Ecdsa, 256));
    private static readonly Lazy<(string Cert, string Key)> RootCa = new(() => NewCa("Test Root CA", Ec.Value, TimeSpan.FromDays(3650)));

    public static string RsaKeyPem => Rsa.Value;

    public static string OtherRsaKeyPem => OtherRsa.Value;

    public static string EcKeyPem => Ec.Value;

    /// <summary>A self-signed ECDSA P-256 CA valid for ten years from <see cref="Now"/>.</summary>
    public static (string Cert, string Key) Ca => RootCa.Value;

    public static string NewKeyPem(KeyAlgorithm algorithm, int size)
    {
        using var key = PrivateKey.Generate(new PrivateKeySpec(algorithm, size, KeyEncoding.Pkcs8, RotateAlways: true)).Value!;
        return key.ToPem(KeyEncoding.Pkcs8);
    }

    public static CertificateSpec Spec(Action<CertificateSpec>? configure = null)
    {
        var spec = new CertificateSpec
        {
            SecretName = "web-tls",
            DnsNames = ["example.com"],
            IssuerRef = new IssuerReference { Name = "ca" },
        };
        configure?.Invoke(spec);
        return spec;
    }

    public static string Csr(CertificateSpec spec, string keyPem)
    {
        using var key = PrivateKey.FromPem(keyPem).Value!;
        var csr = CsrBuilder.Build(spec, key);
        csr.Error.Should().BeNull();
        return csr.Value!;
    }

    /// <summary>A self-signed CA made through the library's own CSR and signer.</summary>
    public static (string Cert, string Key) NewCa(string name, string keyPem, TimeSpan lifetime, DateTimeOffset? now = null)
    {
        var spec = Spec(s => (s.CommonName, s.DnsNames, s.IsCA) = (name, null, true));
        var signed = Signer.SelfSign(Csr(spec, keyPem), keyPem, lifetime, now ?? Now.AddDays(-1));
        signed.Error.Should().BeNull();
        return (signed.Value!.LeafPem, keyPem);
    }

    /// <summary>Builds <paramref name="leafPem"/>'s chain against <paramref name="root"/> only, without revocation checks.</summary>
    public static X509Chain Verify(string leafPem, string root, string? intermediates = null, DateTimeOffset? at = null)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (at ?? Now.AddHours(1)).UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(root));
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.ImportFromPem(intermediates);
        }

        using var leaf = X509Certificate2.CreateFromPem(leafPem);
        chain.Build(leaf).Should().BeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        return chain;
    }

    /// <summary>Case names of a table whose rows use internal types, which public theory parameters cannot.</summary>
    public static TheoryData<string> Names<T>(IReadOnlyDictionary<string, T> cases)
    {
        var names = new TheoryData<string>();
        foreach (var name in cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    public static string LabelOf(string pem) => PemEncoding.Find(pem).Label is var range ? pem[range] : "";
}
