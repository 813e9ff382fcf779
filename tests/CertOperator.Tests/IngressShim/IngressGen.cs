using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.IngressShim;

/// <summary>Builds test Ingresses: one TLS entry per (secretName, hosts) pair.</summary>
internal static class IngressGen
{
    public static Ingress Ingress(Dictionary<string, string>? annotations, params (string? SecretName, string[]? Hosts)[] tls) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "prod", Uid = "uid-web", Annotations = annotations },
        Spec = new IngressSpec
        {
            Tls = [.. tls.Select(t => new IngressTls { SecretName = t.SecretName, Hosts = t.Hosts?.ToList() })],
        },
    };

    public static Ingress ClusterIssued(Dictionary<string, string>? extra = null)
    {
        var annotations = new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = "pebble" };
        foreach (var (k, v) in extra ?? [])
        {
            annotations[k] = v;
        }

        return Ingress(annotations, ("web-tls", ["web.example.test"]));
    }
}
