using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Testing;

namespace CertOperator.Tests.Certificates.Pki;

/// <summary>The PKCS#12 files as Java and OpenSSL read them: Java ignores CA certificates that are not marked trusted.</summary>
public sealed class Pkcs12InteropTests
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

    private static IReadOnlyDictionary<string, byte[]> Build(string? profile)
    {
        var signed = Signer.SignWithCa(PkiFixtures.Csr(PkiFixtures.Spec(), PkiFixtures.RsaKeyPem), PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key,
            TimeSpan.FromDays(30), DateTimeOffset.UtcNow).Value!;
        var spec = PkiFixtures.Spec(s => s.Keystores = new CertificateKeystores { Pkcs12 = new() { Create = true, Profile = profile } });
        return SecretOutputs.Build(spec, signed.ChainPem, signed.CaPem, PkiFixtures.RsaKeyPem, Encoding.UTF8.GetBytes("changeit")).Value!.Data;
    }

    private static async Task<ExternalCommand.Result> KeytoolList(string path, string password) =>
        (await ExternalCommand.RunAsync("keytool", ["-list", "-storetype", "PKCS12", "-keystore", path, "-storepass", password])).EnsureSuccess();

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
