using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Testing.Pebble;

/// <summary>
/// A throwaway CA and a server certificate for 127.0.0.1/::1/localhost, written as PEM files:
/// Debian's pebble ships no TLS certificate, so every harness run makes its own.
/// </summary>
public sealed class TestTlsAuthority : IDisposable
{
    private TestTlsAuthority(X509Certificate2 ca, string directory)
    {
        Ca = ca;
        CaPemPath = Path.Combine(directory, "tls-ca.pem");
        CertificatePemPath = Path.Combine(directory, "tls-cert.pem");
        PrivateKeyPemPath = Path.Combine(directory, "tls-key.pem");
    }

    public X509Certificate2 Ca { get; }

    public string CaPemPath { get; }

    public string CertificatePemPath { get; }

    public string PrivateKeyPemPath { get; }

    public static TestTlsAuthority Create(string directory)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=CertOperator test TLS CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var authority = new TestTlsAuthority(ca, directory);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(12));

        File.WriteAllText(authority.CaPemPath, ca.ExportCertificatePem());
        File.WriteAllText(authority.CertificatePemPath, server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem());
        File.WriteAllText(authority.PrivateKeyPemPath, serverKey.ExportPkcs8PrivateKeyPem());
        return authority;
    }

    /// <summary>An HTTP handler that trusts exactly this CA, the way the operator trusts a private ACME server.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => Trusts(certificate) },
    };

    public void Dispose() => Ca.Dispose();

    private bool Trusts(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
