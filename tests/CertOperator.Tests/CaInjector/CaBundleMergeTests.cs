using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.CaInjector;

namespace CertOperator.Tests.CaInjector;

/// <summary>cert-manager's CAInjectorMerging: append, de-duplicate, drop expired, fall back to the CA alone on garbage.</summary>
public sealed class CaBundleMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Empty_bundle_becomes_the_CA()
    {
        var ca = Pem("new", Now.AddDays(-1), Now.AddDays(30));
        Text(CaBundleMerge.Merge(null, ca, Now)).Should().Be(Text(ca));
        Text(CaBundleMerge.Merge([], ca, Now)).Should().Be(Text(ca));
    }

    [Fact]
    public void New_CA_is_appended_after_the_old_one_and_merging_again_changes_nothing()
    {
        var old = Pem("old", Now.AddDays(-10), Now.AddDays(5));
        var renewed = Pem("new", Now.AddDays(-1), Now.AddDays(30));
        var merged = CaBundleMerge.Merge(old, renewed, Now);
        Text(merged).Should().Be(Text(old) + Text(renewed));
        CaBundleMerge.Merge(merged, renewed, Now).Should().Equal(merged);
    }

    [Fact]
    public void Expired_certificates_are_dropped()
    {
        var expired = Pem("expired", Now.AddDays(-10), Now.AddDays(-1));
        var current = Pem("current", Now.AddDays(-1), Now.AddDays(30));
        Text(CaBundleMerge.Merge(expired, current, Now)).Should().Be(Text(current));
    }

    [Fact]
    public void A_bundle_that_is_not_PEM_certificates_is_replaced_by_the_CA()
    {
        var ca = Pem("new", Now.AddDays(-1), Now.AddDays(30));
        CaBundleMerge.Merge(Encoding.ASCII.GetBytes("not a certificate"), ca, Now).Should().Equal(ca);
        CaBundleMerge.Merge(Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), ca, Now).Should().Equal(ca);
    }

    /// <summary>A self-signed CA certificate in PEM, with a newline after it as Go's pem.Encode writes.</summary>
    private static byte[] Pem(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n");
    }

    private static string Text(byte[] pem) => Encoding.ASCII.GetString(pem);
}
