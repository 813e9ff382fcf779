using System.Formats.Asn1;
using CertOperator.Certificates.Pki;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class PrivateKeyTests
{
    private static readonly Dictionary<string, (KeyAlgorithm Algorithm, int Size, KeyEncoding Encoding, string Label)> GeneratedCases = new()
    {
        ["RSA 2048 PKCS1"] = (KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, "RSA PRIVATE KEY"),
        ["RSA 2048 PKCS8"] = (KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs8, "PRIVATE KEY"),
        ["RSA 4096 PKCS1"] = (KeyAlgorithm.Rsa, 4096, KeyEncoding.Pkcs1, "RSA PRIVATE KEY"),
        ["ECDSA P-256 PKCS1"] = (KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs1, "EC PRIVATE KEY"),
        ["ECDSA P-256 PKCS8"] = (KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs8, "PRIVATE KEY"),
        ["ECDSA P-384 PKCS1"] = (KeyAlgorithm.Ecdsa, 384, KeyEncoding.Pkcs1, "EC PRIVATE KEY"),
        ["ECDSA P-521 PKCS8"] = (KeyAlgorithm.Ecdsa, 521, KeyEncoding.Pkcs8, "PRIVATE KEY"),
    };

    public static TheoryData<string> Generated => PkiFixtures.Names(GeneratedCases);

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generates_keys_that_round_trip_through_pem(string name)
    {
        var (algorithm, size, encoding, label) = GeneratedCases[name];
        var spec = new PrivateKeySpec(algorithm, size, encoding, RotateAlways: true);
        using var key = PrivateKey.Generate(spec).Value!;

        var pem = key.ToPem(encoding);
        using var parsed = PrivateKey.FromPem(pem).Value!;

        PkiFixtures.LabelOf(pem).Should().Be(label, name);
        parsed.Algorithm.Should().Be(algorithm, name);
        parsed.Size.Should().Be(size, name);
        parsed.Satisfies(spec).Should().BeTrue(name);
        parsed.SubjectPublicKeyInfo().Should().Equal(key.SubjectPublicKeyInfo(), name);
        PrivateKey.FromPem(parsed.ToPem(encoding == KeyEncoding.Pkcs1 ? KeyEncoding.Pkcs8 : KeyEncoding.Pkcs1)).Value!
            .SubjectPublicKeyInfo().Should().Equal(key.SubjectPublicKeyInfo(), name);
    }

    private static readonly Dictionary<string, (PrivateKeySpec Spec, bool Expected)> SatisfactionCases = new()
    {
        ["same algorithm and size"] = (new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, false), true),
        ["encoding does not matter"] = (new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs8, false), true),
        ["bigger RSA size asked"] = (new(KeyAlgorithm.Rsa, 4096, KeyEncoding.Pkcs1, false), false),
        ["ECDSA asked"] = (new(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs1, false), false),
    };

    public static TheoryData<string> Satisfaction => PkiFixtures.Names(SatisfactionCases);

    [Theory]
    [MemberData(nameof(Satisfaction))]
    public void Existing_key_satisfies_spec_only_on_algorithm_and_size(string name)
    {
        var (spec, expected) = SatisfactionCases[name];
        using var key = PrivateKey.FromPem(PkiFixtures.RsaKeyPem).Value!;

        key.Satisfies(spec).Should().Be(expected, name);
    }

    private const string Secretish = "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu";

    public static TheoryData<string, string, string, string> Unreadable => new()
    {
        { "empty", "", PkiError.InvalidPrivateKey, "no PEM-encoded private key" },
        { "not PEM", "hello", PkiError.InvalidPrivateKey, "no PEM-encoded private key" },
        { "certificate instead of key", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", PkiError.InvalidPrivateKey, "no PEM-encoded" },
        { "encrypted PKCS8", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", PkiError.InvalidPrivateKey, "encrypted" },
        { "truncated RSA key", $"-----BEGIN RSA PRIVATE KEY-----\n{Secretish}\n-----END RSA PRIVATE KEY-----\n", PkiError.InvalidPrivateKey, "RSA PRIVATE KEY PEM block is not a valid" },
        { "garbage PKCS8", $"-----BEGIN PRIVATE KEY-----\n{Secretish}\n-----END PRIVATE KEY-----\n", PkiError.InvalidPrivateKey, "PRIVATE KEY PEM block is not a valid" },
        { "Ed25519 PKCS8 with a short seed", Ed25519Pem(31), PkiError.InvalidPrivateKey, "PRIVATE KEY PEM block is not a valid" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Reports_unreadable_keys_without_echoing_key_material(string name, string pem, string reason, string message)
    {
        var result = PrivateKey.FromPem(pem);

        result.Ok.Should().BeFalse(name);
        result.Error!.Reason.Should().Be(reason, name);
        result.Error.Message.Should().Contain(message, name).And.NotContain(Secretish[..16], name);
    }

    [Fact]
    public void Finds_the_key_after_other_pem_blocks()
    {
        var pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + PkiFixtures.EcKeyPem;

        PrivateKey.FromPem(pem).Value!.Algorithm.Should().Be(KeyAlgorithm.Ecdsa);
    }

    [Fact]
    public void Der_output_is_the_pem_body()
    {
        using var key = PrivateKey.FromPem(PkiFixtures.EcKeyPem).Value!;

        foreach (var encoding in new[] { KeyEncoding.Pkcs1, KeyEncoding.Pkcs8 })
        {
            var pem = key.ToPem(encoding);
            var body = Convert.FromBase64String(pem[System.Security.Cryptography.PemEncoding.Find(pem).Base64Data]);
            key.ToDer(encoding).Should().Equal(body);
        }
    }

    [Fact]
    public void Reads_an_Ed25519_PKCS8_key_written_elsewhere()
    {
        using var key = PrivateKey.FromPem(Ed25519Pem(32)).Value!;

        (key.Algorithm, key.Size).Should().Be((KeyAlgorithm.Ed25519, 256));
        key.ToPem(KeyEncoding.Pkcs1).Should().Be(Ed25519Pem(32), "Ed25519 has only PKCS#8, whatever the encoding asked for");
    }

    private static string Ed25519Pem(int seedLength)
    {
        var seed = new AsnWriter(AsnEncodingRules.DER);
        seed.WriteOctetString(new byte[seedLength]);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.3.101.112");
            }

            writer.WriteOctetString(seed.Encode());
        }

        return new string(System.Security.Cryptography.PemEncoding.Write("PRIVATE KEY", writer.Encode()));
    }
}
