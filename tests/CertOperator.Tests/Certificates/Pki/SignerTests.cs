using System.Security.Cryptography.X509Certificates;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class SignerTests
{
    private static readonly DateTimeOffset Now = PkiFixtures.Now;
    private static readonly TimeSpan Ninety = TimeSpan.FromDays(90);

    private static CertificateSpec WebSpec() => PkiFixtures.Spec(s =>
        (s.CommonName, s.DnsNames, s.IpAddresses, s.Uris, s.Usages) =
        ("web", ["web.example.com"], ["10.1.2.3"], ["spiffe://example/web"], ["digital signature", "key encipherment", "server auth"]));

    [Fact]
    public void Self_signed_certificate_verifies_against_itself_and_has_the_request()
    {
        var signed = Signer.SelfSign(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), PkiFixtures.RsaKeyPem, Ninety, Now).Value!;

        PkiFixtures.Verify(signed.LeafPem, signed.CaPem);
        (signed.ChainPem, signed.CaPem).Should().Be((signed.LeafPem, signed.LeafPem));
        var facts = CertificateFacts.Parse(Bytes(signed.ChainPem), Bytes(PkiFixtures.RsaKeyPem)).Facts!;
        facts.Should().BeEquivalentTo(new
        {
            CommonName = "web",
            DnsNames = new[] { "web.example.com" },
            IpAddresses = new[] { "10.1.2.3" },
            Uris = new[] { "spiffe://example/web" },
            NotBefore = Now,
            NotAfter = Now + Ninety,
            KeyAlgorithm = "RSA",
            KeySize = 2048,
            IsCA = false,
            IssuerName = "CN=web",
            KeyMatchesCertificate = true,
            Usages = new[] { "digital signature", "key encipherment", "server auth" },
        });
    }

    private static readonly Dictionary<string, (string KeyPem, Action<CertificateSpec> Configure, Action<CertificateFacts> Check)> CaSignedCases = new()
    {
        ["RSA leaf"] = (PkiFixtures.RsaKeyPem, _ => { }, f => (f.KeyAlgorithm, f.KeySize, f.IsCA).Should().Be(("RSA", 2048, false))),
        ["ECDSA leaf"] = (PkiFixtures.EcKeyPem, s => s.PrivateKey = new() { Algorithm = "ECDSA" }, f => (f.KeyAlgorithm, f.KeySize).Should().Be(("ECDSA", 256))),
        ["sub-CA"] = (PkiFixtures.EcKeyPem, s => s.IsCA = true, f => (f.IsCA, f.Usages.Contains("cert sign")).Should().Be((true, true))),
        ["usages not in the CSR default"] = (PkiFixtures.RsaKeyPem, s => s.EncodeUsagesInRequest = false, f => f.Usages.Should().Equal("digital signature", "key encipherment")),
        ["client auth"] = (PkiFixtures.EcKeyPem, s => s.Usages = ["client auth"], f => f.Usages.Should().Equal("client auth")),
        ["email only, empty subject"] = (PkiFixtures.RsaKeyPem, s => (s.DnsNames, s.EmailAddresses) = (null, ["me@example.com"]), f => (f.CommonName, f.EmailAddresses.Single()).Should().Be((null, "me@example.com"))),
    };

    public static TheoryData<string> CaSigned => PkiFixtures.Names(CaSignedCases);

    [Theory]
    [MemberData(nameof(CaSigned))]
    public void Ca_signed_certificate_chains_to_the_ca(string name)
    {
        var (keyPem, configure, check) = CaSignedCases[name];
        var (caCert, caKey) = PkiFixtures.Ca;

        var result = Signer.SignWithCa(PkiFixtures.Csr(PkiFixtures.Spec(configure), keyPem), caCert, caKey, Ninety, Now);

        result.Error.Should().BeNull(name);
        var signed = result.Value!;
        using var chain = PkiFixtures.Verify(signed.LeafPem, caCert);
        signed.CaPem.Should().Be(caCert, name);
        signed.ChainPem.Should().Be(signed.LeafPem, "a self-signed root is only in ca.crt");
        var facts = CertificateFacts.Parse(Bytes(signed.ChainPem), Bytes(keyPem)).Facts!;
        (facts.NotBefore, facts.NotAfter, facts.IssuerName).Should().Be((Now, Now + Ninety, "CN=Test Root CA"), name);
        check(facts);
        using var leaf = X509Certificate2.CreateFromPem(signed.LeafPem);
        using var ca = X509Certificate2.CreateFromPem(caCert);
        leaf.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray()
            .Should().Equal(ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(), name);
        leaf.SerialNumberBytes.Length.Should().Be(16, name);
        (leaf.SerialNumberBytes.Span[0] & 0x80).Should().Be(0, "serials are positive");
    }

    [Fact]
    public void Intermediate_ca_goes_in_the_chain_and_root_in_ca_crt()
    {
        var (rootCert, rootKey) = PkiFixtures.Ca;
        var intermediateSpec = PkiFixtures.Spec(s => (s.CommonName, s.DnsNames, s.IsCA) = ("Intermediate", null, true));
        var intermediate = Signer.SignWithCa(PkiFixtures.Csr(intermediateSpec, PkiFixtures.OtherRsaKeyPem), rootCert, rootKey, Ninety, Now.AddDays(-1)).Value!;

        var signed = Signer.SignWithCa(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), intermediate.LeafPem + rootCert, PkiFixtures.OtherRsaKeyPem, Ninety, Now).Value!;

        signed.ChainPem.Should().Be(signed.LeafPem + intermediate.LeafPem);
        signed.CaPem.Should().Be(rootCert);
        using var chain = PkiFixtures.Verify(signed.LeafPem, rootCert, intermediates: intermediate.LeafPem);
        chain.ChainElements.Count.Should().Be(3);
    }

    [Fact]
    public void Validity_is_capped_at_the_ca_expiry()
    {
        var shortCa = PkiFixtures.NewCa("Short CA", PkiFixtures.EcKeyPem, TimeSpan.FromDays(11));
        var caNotAfter = Now.AddDays(10);

        var signed = Signer.SignWithCa(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), shortCa.Cert, shortCa.Key, Ninety, Now).Value!;

        CertificateFacts.Parse(Bytes(signed.LeafPem), Bytes(PkiFixtures.RsaKeyPem)).Facts!.NotAfter.Should().Be(caNotAfter);
    }

    public static TheoryData<string, Func<(string Cert, string Key)>, string> BadCas => new()
    {
        { "garbage certificate", () => ("nope", PkiFixtures.EcKeyPem), "holds no valid PEM CERTIFICATE" },
        { "garbage key", () => (PkiFixtures.Ca.Cert, "nope"), "CA private key (tls.key) is invalid" },
        { "key of another certificate", () => (PkiFixtures.Ca.Cert, PkiFixtures.RsaKeyPem), "does not match the CA certificate" },
        { "leaf used as CA", LeafAsCa, "is not a CA" },
        { "expired CA", () => PkiFixtures.NewCa("Old CA", PkiFixtures.EcKeyPem, TimeSpan.FromDays(1), Now.AddDays(-30)), "expired" },
    };

    [Theory]
    [MemberData(nameof(BadCas))]
    public void Invalid_ca_keypairs_are_reported(string name, Func<(string Cert, string Key)> ca, string message)
    {
        var (cert, key) = ca();

        var result = Signer.SignWithCa(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), cert, key, Ninety, Now);

        result.Error!.Reason.Should().Be(PkiError.InvalidCa, name);
        result.Error.Message.Should().Contain(message, name);
    }

    [Fact]
    public void Self_signing_with_a_key_other_than_the_csrs_is_refused()
    {
        var result = Signer.SelfSign(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), PkiFixtures.OtherRsaKeyPem, Ninety, Now);

        result.Error!.Reason.Should().Be(PkiError.InvalidCsr);
    }

    [Fact]
    public void Non_positive_duration_is_refused()
    {
        var result = Signer.SelfSign(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), PkiFixtures.RsaKeyPem, TimeSpan.Zero, Now);

        result.Error!.Reason.Should().Be(PkiError.InvalidDuration);
    }

    private static (string, string) LeafAsCa()
    {
        var leaf = Signer.SelfSign(PkiFixtures.Csr(WebSpec(), PkiFixtures.RsaKeyPem), PkiFixtures.RsaKeyPem, Ninety, Now.AddDays(-1)).Value!;
        return (leaf.LeafPem, PkiFixtures.RsaKeyPem);
    }

    private static byte[] Bytes(string text) => System.Text.Encoding.ASCII.GetBytes(text);
}
