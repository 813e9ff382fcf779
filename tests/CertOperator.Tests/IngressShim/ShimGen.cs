using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// Builders for ingress-shim tests, shaped like cert-manager's sync_test fixtures (its namespace, an Ingress
/// whose UID is its name, Certificates owned through that UID) so ported rows read like the originals.
/// </summary>
internal static class ShimGen
{
    public const string Ns = "default-unit-test-ns";

    public static Dictionary<string, string> ClusterIssuer(string name = "issuer-name") => new() { ["cert-manager.io/cluster-issuer"] = name };

    public static Dictionary<string, string> Issuer(string name = "issuer-name") => new() { ["cert-manager.io/issuer"] = name };

    public static Dictionary<string, string> With(this Dictionary<string, string> annotations, string key, string value) =>
        new(annotations) { [key] = value };

    public static V1IngressTLS Tls(string? secretName, params string[] hosts) =>
        new() { SecretName = secretName, Hosts = hosts.Length > 0 ? [.. hosts] : null };

    public static Ingress Ingress(Dictionary<string, string>? annotations, V1IngressTLS[]? tls = null, Dictionary<string, string>? labels = null, string name = "ingress-name") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Uid = name, Annotations = annotations, Labels = labels },
        Spec = new V1IngressSpec { Tls = tls?.ToList() },
    };

    /// <summary>The Ingress cert-manager's rows use most: one TLS entry for example.com and www.example.com.</summary>
    public static Ingress Example(Dictionary<string, string> annotations, Dictionary<string, string>? labels = null) =>
        Ingress(annotations, [Tls("example-com-tls", "example.com", "www.example.com")], labels);

    public static Certificate Cert(
        string name = "example-com-tls",
        string[]? dns = null,
        string[]? ips = null,
        string kind = "ClusterIssuer",
        string? group = null,
        Dictionary<string, string>? labels = null,
        Dictionary<string, string>? annotations = null,
        string? owner = "ingress-name",
        string[]? usages = null,
        Action<CertificateSpec>? spec = null)
    {
        var certificate = new Certificate
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Ns,
                Labels = labels,
                Annotations = annotations,
                OwnerReferences = owner is null ? null :
                [
                    new V1OwnerReference { ApiVersion = "networking.k8s.io/v1", Kind = "Ingress", Name = owner, Uid = owner, Controller = true, BlockOwnerDeletion = true },
                ],
            },
            Spec = new CertificateSpec
            {
                DnsNames = dns?.ToList() ?? (ips is null ? ["example.com", "www.example.com"] : null),
                IpAddresses = ips?.ToList(),
                SecretName = name,
                IssuerRef = new IssuerReference { Name = "issuer-name", Kind = kind, Group = group },
                Usages = [.. usages ?? Usages.Default],
            },
        };
        spec?.Invoke(certificate.Spec);
        return certificate;
    }

    /// <summary>cert-manager's test harness: no default issuer name, kind or group, and one extra annotation to copy.</summary>
    public static IngressShimDefaults Defaults(string? name = null, string kind = "", string group = "") =>
        new(name, kind, group) { ExtraCertificateAnnotations = ["venafi.cert-manager.io/custom-fields"] };
}
