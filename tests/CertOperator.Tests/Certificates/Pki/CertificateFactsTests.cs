using System.Text;
using CertOperator.Certificates.Pki;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class CertificateFactsTests
{
    private static readonly Lazy<string> Leaf = new(() => Signer.SignWithCa(
        PkiFixtures.Csr(PkiFixtures.Spec(s => (s.CommonName, s.DnsNames, s.IpAddresses, s.EmailAddresses, s.Usages) =
            ("web", ["Web.Example.com", "api.example.com"], ["0:0:0:0:0:0:0:1", "192.168.0.1"], ["ops@example.com"], ["server auth", "signing"])),
            PkiFixtures.RsaKeyPem),
        PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key, TimeSpan.FromDays(30), PkiFixtures.Now).Value!.ChainPem);

    [Fact]
    public void Parses_a_valid_secret()
    {
        var result = CertificateFacts.Parse(Bytes(Leaf.Value), Bytes(PkiFixtures.RsaKeyPem));

        (result.Reason, result.Message).Should().Be((null, null));
        result.Certificate.Should().BeSameAs(result.Facts);
        result.Facts.Should().BeEquivalentTo(new
        {
            CommonName = "web",
            DnsNames = new[] { "Web.Example.com", "api.example.com" },
            IpAddresses = new[] { "::1", "192.168.0.1" },
            Uris = Array.Empty<string>(),
            EmailAddresses = new[] { "ops@example.com" },
            NotBefore = PkiFixtures.Now,
            NotAfter = PkiFixtures.Now.AddDays(30),
            KeyAlgorithm = "RSA",
            KeySize = 2048,
            IsCA = false,
            IssuerName = "CN=Test Root CA",
            KeyMatchesCertificate = true,
            Usages = new[] { "digital signature", "server auth" },
        }, o => o.WithStrictOrdering());
        result.Facts!.SerialNumber.Should().MatchRegex("^[0-9A-F]{32}$");
    }

    [Fact]
    public void Reports_ca_and_ecdsa_facts()
    {
        var facts = CertificateFacts.Parse(Bytes(PkiFixtures.Ca.Cert), Bytes(PkiFixtures.Ca.Key)).Facts!;

        (facts.IsCA, facts.KeyAlgorithm, facts.KeySize, facts.IssuerName).Should().Be((true, "ECDSA", 256, "CN=Test Root CA"));
        facts.Usages.Should().Equal("digital signature", "key encipherment", "cert sign");
    }

    public static TheoryData<string, string?, string?, string, string, bool> Problems => new()
    {
        { "no tls.crt", null, "rsa", CertificateFacts.MissingData, "does not contain a certificate", false },
        { "empty tls.crt", "", "rsa", CertificateFacts.MissingData, "does not contain a certificate", false },
        { "no tls.key", "leaf", null, CertificateFacts.MissingData, "does not contain a private key", true },
        { "garbage tls.key", "leaf", "garbage", CertificateFacts.InvalidKeyPair, "invalid private key data", true },
        { "garbage tls.crt", "garbage", "rsa", CertificateFacts.InvalidCertificate, "invalid certificate", false },
        { "corrupt certificate body", "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n", "rsa", CertificateFacts.InvalidCertificate, "invalid certificate", false },
        { "key of another certificate", "leaf", "other", CertificateFacts.InvalidKeyPair, "does not match the certificate", true },
        { "both broken: key is checked first, like cert-manager", "garbage", "garbage", CertificateFacts.InvalidKeyPair, "invalid private key", false },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Reports_why_a_secret_is_unusable(string name, string? cert, string? key, string reason, string message, bool certificateParsed)
    {
        var result = CertificateFacts.Parse(Resolve(cert), Resolve(key));

        result.Facts.Should().BeNull(name);
        result.Reason.Should().Be(reason, name);
        result.Message.Should().Contain(message, name);
        (result.Certificate is not null).Should().Be(certificateParsed, name);
        result.Certificate?.KeyMatchesCertificate.Should().BeFalse(name);
    }

    private static byte[]? Resolve(string? name) => name switch
    {
        null => null,
        "leaf" => Bytes(Leaf.Value),
        "rsa" => Bytes(PkiFixtures.RsaKeyPem),
        "other" => Bytes(PkiFixtures.OtherRsaKeyPem),
        "garbage" => Bytes("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\nnonsense"),
        _ => Bytes(name),
    };

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
