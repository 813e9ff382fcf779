using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;

namespace CertOperator.Acme.Tests.Unit;

public sealed class CsrTests
{
    [Theory]
    [InlineData(CertificateKeyAlgorithm.Rsa2048)]
    [InlineData(CertificateKeyAlgorithm.Rsa3072)]
    [InlineData(CertificateKeyAlgorithm.Rsa4096)]
    [InlineData(CertificateKeyAlgorithm.EcdsaP256)]
    [InlineData(CertificateKeyAlgorithm.EcdsaP384)]
    [InlineData(CertificateKeyAlgorithm.EcdsaP521)]
    public void Csr_names_every_identifier_and_is_signed_by_the_key(CertificateKeyAlgorithm algorithm)
    {
        using var key = AcmeCsr.CreatePrivateKey(algorithm);

        var der = AcmeCsr.Create(key, [AcmeIdentifier.Dns("www.example.test"), AcmeIdentifier.Dns("api.example.test"), AcmeIdentifier.Ip(IPAddress.Parse("192.0.2.7"))]);

        var csr = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        csr.SubjectName.Name.Should().Be("CN=www.example.test");
        var san = new X509SubjectAlternativeNameExtension(csr.CertificateExtensions.Single(e => e.Oid!.Value == "2.5.29.17").RawData);
        san.EnumerateDnsNames().Should().Equal("www.example.test", "api.example.test");
        san.EnumerateIPAddresses().Should().Equal(IPAddress.Parse("192.0.2.7"));
    }

    [Fact]
    public void Ed25519_is_refused_with_a_clear_not_supported_error() =>
        FluentActions.Invoking(() => AcmeCsr.CreatePrivateKey(CertificateKeyAlgorithm.Ed25519))
            .Should().Throw<NotSupportedException>().WithMessage("*Ed25519*EcdsaP256*");

    [Fact]
    public void Long_names_stay_out_of_the_subject()
    {
        using var key = AcmeCsr.CreatePrivateKey(CertificateKeyAlgorithm.EcdsaP256);
        var longName = new string('a', 60) + ".example.test";

        var csr = CertificateRequest.LoadSigningRequest(AcmeCsr.Create(key, [AcmeIdentifier.Dns(longName)]), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);

        csr.SubjectName.Name.Should().BeEmpty();
    }
}
