using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.TestApiServer.Hosting;

/// <summary>A throwaway CA and a serving certificate for 127.0.0.1/localhost signed by it.</summary>
internal sealed class TlsMaterial : IDisposable
{
    private TlsMaterial(X509Certificate2 ca, X509Certificate2 serving)
    {
        CaCertificate = ca;
        ServingCertificate = serving;
    }

    public X509Certificate2 CaCertificate { get; }

    public X509Certificate2 ServingCertificate { get; }

    public string CaPem => CaCertificate.ExportCertificatePem();

    public static TlsMaterial Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=certoperator-test-apiserver-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var caWithKey = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));

        using var servingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", servingKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(caWithKey, now.AddMinutes(-5), now.AddDays(29), serial);
        using var signedWithKey = signed.CopyWithPrivateKey(servingKey);

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        var serving = X509CertificateLoader.LoadPkcs12(signedWithKey.Export(X509ContentType.Pkcs12), null);
        var caPublic = X509CertificateLoader.LoadCertificate(caWithKey.Export(X509ContentType.Cert));
        return new TlsMaterial(caPublic, serving);
    }

    public void Dispose()
    {
        CaCertificate.Dispose();
        ServingCertificate.Dispose();
    }
}
