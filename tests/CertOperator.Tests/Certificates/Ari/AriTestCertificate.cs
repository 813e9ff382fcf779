using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Acme.Ari;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Certificates.Ari;

/// <summary>A leaf signed by a throwaway CA, so it carries an Authority Key Identifier (and therefore an ARI identifier), and its Secret.</summary>
internal sealed record AriTestCertificate(string CertificatePem, string KeyPem, string AriId)
{
    public static AriTestCertificate Issue(DateTimeOffset notBefore, TimeSpan lifetime, string dnsName = "example.com")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=ari-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSki);
        using var ca = caRequest.CreateSelfSigned(notBefore.AddDays(-1), notBefore.AddYears(20));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        using var leaf = request.Create(ca, notBefore, notBefore + lifetime, RandomNumberGenerator.GetBytes(16));
        return new AriTestCertificate(leaf.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), AriCertificateId.For(leaf));
    }

    public Secret Secret(string name, string ns, string certificateName) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = new Dictionary<string, string>() { ["cert-manager.io/certificate-name"] = certificateName } },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>() { ["tls.crt"] = Encoding.ASCII.GetBytes(CertificatePem), ["tls.key"] = Encoding.ASCII.GetBytes(KeyPem) },
    };
}
