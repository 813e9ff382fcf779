using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Kubernetes.Tests.Support;

/// <summary>Self-signed certificates as PEM for configuration tests.</summary>
internal static class TestCertificates
{
    public static (string CertificatePem, string KeyPem) SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
