using System.Security.Cryptography;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Testing;

namespace CertOperator.Tests.Certificates.Pki;

/// <summary>Ed25519 through the same key, CSR and signer types as RSA and ECDSA, checked by OpenSSL rather than by our own code.</summary>
public sealed class Ed25519Tests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddMinutes(-5);
    private static readonly TimeSpan Ninety = TimeSpan.FromDays(90);

    private static string NewEd25519Pem() => PkiFixtures.NewKeyPem(KeyAlgorithm.Ed25519, 256);

    [Fact]
    public async Task A_generated_key_round_trips_through_pem_and_is_what_openssl_reads_as_ED25519()
    {
        var pem = NewEd25519Pem();
        using var key = PrivateKey.FromPem(pem).Value!;

        key.ToPem(KeyEncoding.Pkcs8).Should().Be(pem);
        key.Satisfies(PrivateKeySpec.Resolve(new() { Algorithm = "Ed25519" }).Value!).Should().BeTrue();
        (await Openssl(["pkey", "-noout", "-text"], pem)).Should().Contain("ED25519 Private-Key");
    }

    [Fact]
    public async Task A_csr_is_signed_with_the_key_and_read_back_with_its_names()
    {
        var pem = NewEd25519Pem();
        var csr = PkiFixtures.Csr(PkiFixtures.Spec(s => s.DnsNames = ["ed.example.com"]), pem);

        var decoded = CsrContents.Decode(csr);

        decoded.Error.Should().BeNull();
        decoded.Value!.Names.DnsNames.Should().Equal("ed.example.com");
        (decoded.Value.KeyAlgorithm, decoded.Value.KeySize).Should().Be(("Ed25519", 256));
        (await Openssl(["req", "-noout", "-verify"], csr)).Should().Contain("verify OK");
    }

    [Fact]
    public void A_csr_whose_signature_was_tampered_with_is_refused()
    {
        var csr = PkiFixtures.Csr(PkiFixtures.Spec(s => s.DnsNames = ["ed.example.com"]), NewEd25519Pem());
        var der = Convert.FromBase64String(csr[PemEncoding.Find(csr).Base64Data]);
        der[^1] ^= 0x01;

        var decoded = CsrContents.Decode(new string(PemEncoding.Write("CERTIFICATE REQUEST", der)));

        decoded.Error!.Reason.Should().Be(PkiError.InvalidCsr);
    }

    [Fact]
    public async Task Self_signed_and_CA_signed_Ed25519_certificates_verify_with_openssl()
    {
        var caKey = NewEd25519Pem();
        var caSpec = PkiFixtures.Spec(s => (s.CommonName, s.DnsNames, s.IsCA) = ("Ed25519 Root", null, true));
        var root = Signer.SelfSign(PkiFixtures.Csr(caSpec, caKey), caKey, Ninety, Now).Value!;

        var leafKey = NewEd25519Pem();
        var leaf = Signer.SignWithCa(PkiFixtures.Csr(PkiFixtures.Spec(s => s.DnsNames = ["leaf.example.com"]), leafKey), root.LeafPem, caKey, Ninety, Now).Value!;
        var ecdsaLeaf = Signer.SignWithCa(PkiFixtures.Csr(PkiFixtures.Spec(s => s.DnsNames = ["ec.example.com"]), PkiFixtures.EcKeyPem), root.LeafPem, caKey, Ninety, Now).Value!;

        await VerifyWithOpenssl(root.LeafPem, root.LeafPem);
        await VerifyWithOpenssl(root.LeafPem, leaf.LeafPem);
        await VerifyWithOpenssl(root.LeafPem, ecdsaLeaf.LeafPem);
        var facts = CertificateFacts.Parse(Encoding.ASCII.GetBytes(leaf.ChainPem), Encoding.ASCII.GetBytes(leafKey)).Facts!;
        (facts.KeyAlgorithm, facts.KeyMatchesCertificate).Should().Be(("Ed25519", true));
    }

    [Fact]
    public async Task An_ECDSA_CA_signs_an_Ed25519_request()
    {
        var (caCert, caKey) = PkiFixtures.Ca;
        var leafKey = NewEd25519Pem();

        var leaf = Signer.SignWithCa(PkiFixtures.Csr(PkiFixtures.Spec(s => s.DnsNames = ["mixed.example.com"]), leafKey), caCert, caKey, Ninety, PkiFixtures.Now).Value!;

        await VerifyWithOpenssl(caCert, leaf.LeafPem, PkiFixtures.Now.AddDays(1));
    }

    [Fact]
    public void A_pkcs12_keystore_for_an_Ed25519_key_is_refused_with_the_field_named()
    {
        var key = NewEd25519Pem();
        var spec = PkiFixtures.Spec(s => s.Keystores = new() { Pkcs12 = new() { Create = true, PasswordSecretRef = new() { Name = "p12" } } });
        var signed = Signer.SelfSign(PkiFixtures.Csr(spec, key), key, Ninety, Now).Value!;

        var outputs = SecretOutputs.Build(spec, signed.ChainPem, signed.CaPem, key, "secret"u8.ToArray(), null);

        outputs.Error!.Field.Should().Be("spec.keystores.pkcs12");
        outputs.Error.Message.Should().Contain("Ed25519");
    }

    private static async Task VerifyWithOpenssl(string caPem, string leafPem, DateTimeOffset? at = null)
    {
        var dir = Directory.CreateTempSubdirectory("ed25519-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "ca.pem"), caPem);
            await File.WriteAllTextAsync(Path.Combine(dir, "leaf.pem"), leafPem);
            string[] attime = at is { } when ? ["-attime", when.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
            var result = await ExternalCommand.RunAsync("openssl", ["verify", .. attime, "-CAfile", Path.Combine(dir, "ca.pem"), Path.Combine(dir, "leaf.pem")]);
            (result.StdOut + result.StdErr).Should().Contain(": OK", "openssl verify must accept the chain");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> Openssl(string[] args, string stdinPem)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, stdinPem);
            var result = await ExternalCommand.RunAsync("openssl", [.. args, "-in", file]);
            return result.StdOut + result.StdErr;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
