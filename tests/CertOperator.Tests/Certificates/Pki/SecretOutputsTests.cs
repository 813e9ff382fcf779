using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class SecretOutputsTests
{
    private static readonly byte[] Password = Encoding.UTF8.GetBytes("changeit");

    private static readonly Lazy<SignedCertificate> Signed = new(() => Signer.SignWithCa(
        PkiFixtures.Csr(PkiFixtures.Spec(), PkiFixtures.RsaKeyPem), PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key, TimeSpan.FromDays(30), PkiFixtures.Now).Value!);

    private static SecretData Build(Action<CertificateSpec>? configure = null, bool withCa = true, byte[]? password = null)
    {
        var result = SecretOutputs.Build(PkiFixtures.Spec(configure), Signed.Value.ChainPem, withCa ? Signed.Value.CaPem : null, PkiFixtures.RsaKeyPem, password, password);
        result.Error.Should().BeNull();
        return result.Value!;
    }

    public static TheoryData<string, Action<CertificateSpec>, bool, string[]> Keys => new()
    {
        { "defaults", _ => { }, true, ["tls.crt", "tls.key", "ca.crt"] },
        { "no CA known", _ => { }, false, ["tls.crt", "tls.key"] },
        { "combined PEM", s => s.AdditionalOutputFormats = [new() { Type = "CombinedPEM" }], true, ["tls.crt", "tls.key", "ca.crt", "tls-combined.pem"] },
        { "DER and combined", s => s.AdditionalOutputFormats = [new() { Type = "DER" }, new() { Type = "CombinedPEM" }], false, ["tls.crt", "tls.key", "key.der", "tls-combined.pem"] },
        { "pkcs12 with CA", s => s.Keystores = Pkcs12(null), true, ["tls.crt", "tls.key", "ca.crt", "keystore.p12", "truststore.p12"] },
        { "pkcs12 without CA has no truststore", s => s.Keystores = Pkcs12(null), false, ["tls.crt", "tls.key", "keystore.p12"] },
        { "pkcs12 not created", s => s.Keystores = new() { Pkcs12 = new() { Create = false } }, true, ["tls.crt", "tls.key", "ca.crt"] },
        { "jks with CA", s => s.Keystores = new() { Jks = new() { Create = true } }, true, ["tls.crt", "tls.key", "ca.crt", "keystore.jks", "truststore.jks"] },
        { "jks without CA has no truststore", s => s.Keystores = new() { Jks = new() { Create = true } }, false, ["tls.crt", "tls.key", "keystore.jks"] },
        { "both keystores", s => s.Keystores = new() { Jks = new() { Create = true }, Pkcs12 = new() { Create = true } }, true,
            ["tls.crt", "tls.key", "ca.crt", "keystore.p12", "truststore.p12", "keystore.jks", "truststore.jks"] },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Writes_the_requested_keys(string name, Action<CertificateSpec> configure, bool withCa, string[] expected)
    {
        Build(configure, withCa, Password).Data.Keys.Should().BeEquivalentTo(expected, name);
    }

    public static TheoryData<string, string?, string> Encodings => new()
    {
        { "default is PKCS1", null, "RSA PRIVATE KEY" },
        { "PKCS1", "PKCS1", "RSA PRIVATE KEY" },
        { "PKCS8", "PKCS8", "PRIVATE KEY" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Key_and_der_follow_the_requested_encoding(string name, string? encoding, string label)
    {
        var data = Build(s => (s.PrivateKey, s.AdditionalOutputFormats) = (new() { Encoding = encoding }, [new() { Type = "DER" }])).Data;

        var tlsKey = Encoding.ASCII.GetString(data["tls.key"]);
        PkiFixtures.LabelOf(tlsKey).Should().Be(label, name);
        data["key.der"].Should().Equal(Convert.FromBase64String(tlsKey[PemEncoding.Find(tlsKey).Base64Data]), name);
        PrivateKey.FromPem(tlsKey).Value!.SubjectPublicKeyInfo().Should().Equal(PrivateKey.FromPem(PkiFixtures.RsaKeyPem).Value!.SubjectPublicKeyInfo());
    }

    [Fact]
    public void Tls_crt_and_combined_pem_hold_the_chain_and_key()
    {
        var data = Build(s => s.AdditionalOutputFormats = [new() { Type = "CombinedPEM" }]).Data;

        Encoding.ASCII.GetString(data["tls.crt"]).Should().Be(Signed.Value.ChainPem);
        Encoding.ASCII.GetString(data["ca.crt"]).Should().Be(Signed.Value.CaPem);
        data["tls-combined.pem"].Should().Equal([.. data["tls.key"], (byte)'\n', .. data["tls.crt"]]);
    }

    public static TheoryData<string, string?, string> Profiles => new()
    {
        { "default LegacyRC2 is written as 3DES", null, "1.2.840.113549.1.12.1.3" },
        { "LegacyDES", "LegacyDES", "1.2.840.113549.1.12.1.3" },
        { "Modern2023 uses PBES2 AES-256", "Modern2023", "2.16.840.1.101.3.4.1.42" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Pkcs12_keystores_open_with_the_password(string name, string? profile, string cipherOid)
    {
        var data = Build(s => s.Keystores = Pkcs12(profile), password: Password).Data;

        using var key = PrivateKey.FromPem(PkiFixtures.RsaKeyPem).Value!;
        var keystore = X509CertificateLoader.LoadPkcs12Collection(data["keystore.p12"], "changeit");
        keystore.Should().HaveCount(2, name);
        keystore.Single(c => c.HasPrivateKey).GetRSAPrivateKey()!.ExportSubjectPublicKeyInfo().Should().Equal(key.SubjectPublicKeyInfo(), name);
        keystore.Should().Contain(c => c.Subject == "CN=Test Root CA" && !c.HasPrivateKey, name);
        X509CertificateLoader.LoadPkcs12Collection(data["truststore.p12"], "changeit").Single().Subject.Should().Be("CN=Test Root CA", name);
        ContainsOid(data["truststore.p12"], "2.16.840.1.113894.746875.1.1").Should().BeTrue("Java trusts only certificates marked for it");
        ContainsOid(data["keystore.p12"], cipherOid).Should().BeTrue(name);
        var wrongKeystorePassword = () => X509CertificateLoader.LoadPkcs12Collection(data["keystore.p12"], "wrong");
        var wrongTruststorePassword = () => X509CertificateLoader.LoadPkcs12Collection(data["truststore.p12"], "wrong");
        wrongKeystorePassword.Should().Throw<CryptographicException>(name);
        wrongTruststorePassword.Should().Throw<CryptographicException>(name);
    }

    public static TheoryData<string, Action<CertificateSpec>, byte[]?, string> Rejected => new()
    {
        { "pkcs12 without password", s => s.Keystores = Pkcs12(null), null, "spec.keystores.pkcs12.passwordSecretRef" },
        { "jks without any password", s => s.Keystores = new() { Jks = new() { Create = true } }, null, "spec.keystores.jks" },
        { "jks whose password Secret holds none", s => s.Keystores = new() { Jks = new() { Create = true, PasswordSecretRef = new() { Name = "jks-password" } } }, null, "spec.keystores.jks.passwordSecretRef" },
        { "pkcs12 Modern2026 (PBMAC1)", s => s.Keystores = Pkcs12("Modern2026"), Password, "spec.keystores.pkcs12.profile" },
        { "unknown pkcs12 profile", s => s.Keystores = Pkcs12("Modern2099"), Password, "spec.keystores.pkcs12.profile" },
        { "unknown output format", s => s.AdditionalOutputFormats = [new() { Type = "PFX" }], Password, "spec.additionalOutputFormats[0].type" },
        { "invalid key spec", s => s.PrivateKey = new() { Encoding = "PEM" }, Password, "spec.privateKey.encoding" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Invalid_output_requests_name_the_field(string name, Action<CertificateSpec> configure, byte[]? password, string field)
    {
        var result = SecretOutputs.Build(PkiFixtures.Spec(configure), Signed.Value.ChainPem, Signed.Value.CaPem, PkiFixtures.RsaKeyPem, password, password);

        result.Error!.Field.Should().Be(field, name);
    }

    public static TheoryData<string, string?, int> RcWarnings => new()
    {
        { "profile unset: no warning", null, 0 },
        { "LegacyRC2 asked for explicitly", "LegacyRC2", 1 },
        { "Modern2023", "Modern2023", 0 },
    };

    [Theory]
    [MemberData(nameof(RcWarnings))]
    public void Explicit_rc2_profile_warns_that_3des_was_written(string name, string? profile, int warnings)
    {
        var secret = Build(s => s.Keystores = Pkcs12(profile), password: Password);

        secret.Warnings.Should().HaveCount(warnings, name);
        secret.Warnings.Count(w => w.Contains("spec.keystores.pkcs12.profile", StringComparison.Ordinal)).Should().Be(warnings, name);
    }

    [Fact]
    public void Unreadable_key_is_an_error_without_key_material()
    {
        var result = SecretOutputs.Build(PkiFixtures.Spec(), Signed.Value.ChainPem, null, "-----BEGIN PRIVATE KEY-----\nU2VjcmV0U2VjcmV0\n-----END PRIVATE KEY-----\n", null);

        result.Error!.Reason.Should().Be(PkiError.InvalidPrivateKey);
        result.Error.Message.Should().NotContain("U2VjcmV0");
    }

    private static CertificateKeystores Pkcs12(string? profile) =>
        new() { Pkcs12 = new() { Create = true, Profile = profile, PasswordSecretRef = new() { Name = "pw", Key = "password" } } };

    private static bool ContainsOid(byte[] der, string oid)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return der.AsSpan().IndexOf(writer.Encode()) >= 0;
    }
}
