using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Testing;

namespace CertOperator.Tests.Certificates.Pki;

/// <summary>The keystores as Java and OpenSSL read them: Java ignores PKCS#12 CA certificates that are not marked trusted.</summary>
public sealed class KeystoreInteropTests
{
    public static TheoryData<string, string?> Profiles => new()
    {
        { "default profile", null },
        { "LegacyDES", "LegacyDES" },
        { "Modern2023", "Modern2023" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Java_sees_a_key_entry_and_a_trusted_ca(string name, string? profile)
    {
        var data = Build(profile);
        using var dir = new TempDir();

        var keystore = await KeytoolList(dir.Write("keystore.p12", data["keystore.p12"]), "changeit");
        var truststore = await KeytoolList(dir.Write("truststore.p12", data["truststore.p12"]), "changeit");
        var wrongPassword = await ExternalCommand.RunAsync("keytool", ["-list", "-storetype", "PKCS12", "-keystore", dir.Path("truststore.p12"), "-storepass", "wrong"]);

        keystore.StdOut.Should().Contain("PrivateKeyEntry", name);
        truststore.StdOut.Should().Contain("Your keystore contains 1 entry", name).And.Contain("ca,").And.Contain("trustedCertEntry");
        wrongPassword.ExitCode.Should().NotBe(0, name);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Openssl_verifies_the_truststore_mac(string name, string? profile)
    {
        using var dir = new TempDir();
        var path = dir.Write("truststore.p12", Build(profile)["truststore.p12"]);

        var good = await ExternalCommand.RunAsync("openssl", ["pkcs12", "-in", path, "-passin", "pass:changeit", "-nokeys", "-info"]);
        var bad = await ExternalCommand.RunAsync("openssl", ["pkcs12", "-in", path, "-passin", "pass:wrong", "-nokeys", "-info"]);

        good.EnsureSuccess().StdOut.Should().Contain("subject=CN = Test Root CA", name);
        good.StdErr.Should().Contain(profile == "Modern2023" ? "MAC: sha256" : "MAC: sha1", name);
        bad.ExitCode.Should().NotBe(0, name);
    }

    [Fact]
    public async Task Java_reads_the_jks_keystore_and_recovers_its_key()
    {
        var data = Build(null, jksAlias: "web");
        using var dir = new TempDir();
        var keystore = dir.Write("keystore.jks", data["keystore.jks"]);

        var listed = await KeytoolList(keystore, "changeit", "JKS");
        var trust = await KeytoolList(dir.Write("truststore.jks", data["truststore.jks"]), "changeit", "JKS");
        var wrongPassword = await ExternalCommand.RunAsync("keytool", ["-list", "-storetype", "JKS", "-keystore", keystore, "-storepass", "wrong"]);
        (await ExternalCommand.RunAsync("keytool", ["-importkeystore", "-noprompt", "-srckeystore", keystore, "-srcstoretype", "JKS", "-srcstorepass", "changeit",
            "-destkeystore", dir.Path("converted.p12"), "-deststoretype", "PKCS12", "-deststorepass", "changeit"])).EnsureSuccess();

        listed.StdOut.Should().Contain("web,").And.Contain("PrivateKeyEntry").And.Contain("ca,").And.Contain("trustedCertEntry");
        trust.StdOut.Should().Contain("Your keystore contains 1 entry").And.Contain("ca,").And.Contain("trustedCertEntry");
        wrongPassword.ExitCode.Should().NotBe(0);
        using var expected = PrivateKey.FromPem(PkiFixtures.RsaKeyPem).Value!;
        X509CertificateLoader.LoadPkcs12Collection(File.ReadAllBytes(dir.Path("converted.p12")), "changeit")
            .Single(c => c.HasPrivateKey).GetRSAPrivateKey()!.ExportSubjectPublicKeyInfo().Should().Equal(expected.SubjectPublicKeyInfo());
    }

    private static IReadOnlyDictionary<string, byte[]> Build(string? profile, string? jksAlias = null)
    {
        var signed = Signer.SignWithCa(PkiFixtures.Csr(PkiFixtures.Spec(), PkiFixtures.RsaKeyPem), PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key,
            TimeSpan.FromDays(30), DateTimeOffset.UtcNow).Value!;
        var spec = PkiFixtures.Spec(s => s.Keystores = new CertificateKeystores
        {
            Pkcs12 = new() { Create = true, Profile = profile },
            Jks = new() { Create = true, Alias = jksAlias },
        });
        var password = Encoding.UTF8.GetBytes("changeit");
        return SecretOutputs.Build(spec, signed.ChainPem, signed.CaPem, PkiFixtures.RsaKeyPem, password, password).Value!.Data;
    }

    private static async Task<ExternalCommand.Result> KeytoolList(string path, string password, string type = "PKCS12") =>
        (await ExternalCommand.RunAsync("keytool", ["-list", "-storetype", type, "-keystore", path, "-storepass", password])).EnsureSuccess();

    private sealed class TempDir : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("pki-").FullName;

        public string Path(string name) => System.IO.Path.Combine(root, name);

        public string Write(string name, byte[] bytes)
        {
            File.WriteAllBytes(Path(name), bytes);
            return Path(name);
        }

        public void Dispose() => Directory.Delete(root, recursive: true);
    }
}
