using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Issuers.Vault;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Tests.Issuers.Vault;

public sealed class VaultCertificateChainTests : IDisposable
{
    private readonly ECDsa _rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _intermediate;
    private readonly X509Certificate2 _leaf;
    private readonly X509Certificate2 _stranger;

    public VaultCertificateChainTests()
    {
        var now = DateTimeOffset.UtcNow;
        _root = Ca("CN=Root", _rootKey).CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        using (var intermediate = Ca("CN=Intermediate", _intermediateKey).Create(_root, now.AddDays(-1), now.AddYears(1), [1, 2]))
        {
            _intermediate = intermediate.CopyWithPrivateKey(_intermediateKey);
        }

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _leaf = new CertificateRequest("CN=leaf", leafKey, HashAlgorithmName.SHA256).Create(_intermediate, now.AddDays(-1), now.AddDays(10), [3, 4]);
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _stranger = Ca("CN=Stranger", strangerKey).CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    [Fact]
    public void Leaf_intermediate_and_root_give_chain_leaf_intermediate_and_the_root_as_CA()
    {
        var result = VaultCertificateChain.From(new VaultCertificateData
        {
            Certificate = Pem(_leaf), IssuingCa = Pem(_intermediate), CaChain = [Pem(_intermediate), Pem(_root)],
        });

        result.Ok.Should().BeTrue();
        result.Value!.ChainPem.Should().Be(Pem(_leaf) + Pem(_intermediate), "the self-signed root is left out of the chain");
        result.Value.CaPem.Should().Be(Pem(_root));
    }

    [Fact]
    public void Without_the_root_the_top_intermediate_is_the_CA_and_stays_in_the_chain()
    {
        var result = VaultCertificateChain.From(new VaultCertificateData { Certificate = Pem(_leaf), IssuingCa = Pem(_intermediate) });

        result.Ok.Should().BeTrue();
        result.Value!.ChainPem.Should().Be(Pem(_leaf) + Pem(_intermediate));
        result.Value.CaPem.Should().Be(Pem(_intermediate));
    }

    [Fact]
    public void A_lone_leaf_has_no_CA()
    {
        var result = VaultCertificateChain.From(new VaultCertificateData { Certificate = Pem(_leaf) });

        result.Ok.Should().BeTrue();
        result.Value!.ChainPem.Should().Be(Pem(_leaf));
        result.Value.CaPem.Should().BeEmpty();
    }

    [Fact]
    public void A_certificate_outside_the_chain_is_an_error()
    {
        var result = VaultCertificateChain.From(new VaultCertificateData { Certificate = Pem(_leaf), IssuingCa = Pem(_intermediate), CaChain = [Pem(_stranger)] });

        result.Ok.Should().BeFalse();
        result.Error!.Message.Should().Contain("malformed or broken").And.Contain("CN=Stranger");
    }

    [Fact]
    public void An_answer_without_a_certificate_is_an_error()
    {
        VaultCertificateChain.From(new VaultCertificateData { IssuingCa = Pem(_intermediate) }).Error!.Message.Should().Contain("data.certificate");
        VaultCertificateChain.From(null).Ok.Should().BeFalse();
    }

    public void Dispose()
    {
        _root.Dispose();
        _intermediate.Dispose();
        _leaf.Dispose();
        _stranger.Dispose();
        _rootKey.Dispose();
        _intermediateKey.Dispose();
    }

    private static CertificateRequest Ca(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";
}
