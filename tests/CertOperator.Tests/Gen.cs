using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests;

/// <summary>Builders for test objects, so tests state only what matters to them.</summary>
internal static class Gen
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Certificate Certificate(string name = "web", string ns = "default", Action<CertificateSpec>? spec = null)
    {
        var certificate = new Certificate
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = $"uid-{name}", Generation = 1 },
            Spec = new CertificateSpec
            {
                SecretName = $"{name}-tls",
                DnsNames = ["example.com"],
                IssuerRef = new IssuerReference { Name = "ca", Kind = "Issuer" },
            },
        };
        spec?.Invoke(certificate.Spec);
        return certificate;
    }

    public static CertificateFacts Facts(
        DateTimeOffset? notBefore = null,
        TimeSpan? lifetime = null,
        string[]? dnsNames = null,
        string[]? ipAddresses = null,
        string? commonName = null)
    {
        var from = notBefore ?? Now.AddDays(-10);
        return new CertificateFacts(
            CommonName: commonName,
            DnsNames: dnsNames ?? ["example.com"],
            IpAddresses: ipAddresses ?? [],
            Uris: [],
            EmailAddresses: [],
            NotBefore: from,
            NotAfter: from + (lifetime ?? TimeSpan.FromDays(90)),
            KeyAlgorithm: "RSA",
            KeySize: 2048,
            IsCA: false,
            SerialNumber: "01",
            IssuerName: "CN=test-ca",
            KeyMatchesCertificate: true,
            Usages: ["digital signature", "key encipherment"]);
    }

    public static Dictionary<string, string> IssuerAnnotations(string name = "ca", string kind = "Issuer") => new()
    {
        ["cert-manager.io/issuer-name"] = name,
        ["cert-manager.io/issuer-kind"] = kind,
        ["cert-manager.io/issuer-group"] = "cert-manager.io",
    };

    public static CertificateRequest Request(Certificate certificate, int revision, Action<CertificateRequestSpec>? spec = null)
    {
        var request = new CertificateRequest
        {
            Metadata = new V1ObjectMeta { Name = $"{certificate.Metadata.Name}-{revision}", NamespaceProperty = certificate.Metadata.NamespaceProperty },
            Spec = new CertificateRequestSpec
            {
                IssuerRef = new IssuerReference { Name = certificate.Spec.IssuerRef.Name, Kind = certificate.Spec.IssuerRef.Kind },
                Duration = certificate.Spec.Duration,
                Usages = certificate.Spec.Usages,
                IsCA = certificate.Spec.IsCA,
                Request = "",
            },
        };
        spec?.Invoke(request.Spec);
        return request;
    }

    /// <summary>A target Secret holding a valid certificate (<see cref="Facts"/>) from the Issuer "ca".</summary>
    public static SecretState ValidSecret() => new(IssuerAnnotations(), Facts(), null, null);

    /// <summary>What the trigger and readiness decide from: the Certificate, its Secret (null: absent), any claim on it.</summary>
    public static IssuanceInput Input(Certificate certificate, SecretState? secret, SecretConflict? conflict = null, DateTimeOffset? now = null) =>
        new(certificate, secret, null, now ?? Now, conflict);
}
