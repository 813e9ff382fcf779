using System.Security.Cryptography;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Bench.Scale;

/// <summary>What the benchmark creates: unrelated Secrets, a CA ClusterIssuer on a SelfSigned root, and the Certificates.</summary>
internal static class Seeding
{
    public const string Namespace = "bench";
    public const string ClusterResourceNamespace = "cert-manager";
    public const string CaIssuer = "bench-ca";
    private const int NoiseNamespaces = 10;
    private const int Parallelism = 16;

    public static async Task CreateNamespacesAsync(KubernetesClient client, CancellationToken ct)
    {
        foreach (var name in new[] { Namespace, ClusterResourceNamespace }.Concat(Enumerable.Range(0, NoiseNamespaces).Select(NoiseNamespace)))
        {
            await client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = name } }, ct);
        }
    }

    /// <summary>Opaque Secrets of 8 KiB random data spread over ten namespaces: nothing the operator should act on or hold in full.</summary>
    public static Task CreateUnrelatedSecretsAsync(KubernetesClient client, int count, CancellationToken ct) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (i, token) =>
            await client.CreateAsync(new Secret
            {
                Metadata = new V1ObjectMeta { Name = $"unrelated-{i:D6}", NamespaceProperty = NoiseNamespace(i % NoiseNamespaces), Labels = new Dictionary<string, string>() { ["app"] = "noise" } },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]>() { ["payload"] = RandomNumberGenerator.GetBytes(8 * 1024) },
            }, token));

    public static async Task CreateIssuersAsync(KubernetesClient client, CancellationToken ct)
    {
        await client.CreateAsync(new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "bench-selfsigned" }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } }, ct);
        await client.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "bench-root", NamespaceProperty = ClusterResourceNamespace },
            Spec = new CertificateSpec
            {
                IsCA = true,
                CommonName = "bench-root",
                SecretName = "bench-root",
                PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
                IssuerRef = new IssuerReference { Name = "bench-selfsigned", Kind = "ClusterIssuer" },
            },
        }, ct);
        await client.CreateAsync(new ClusterIssuer { Metadata = new V1ObjectMeta { Name = CaIssuer }, Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = "bench-root" } } }, ct);
    }

    public static Task CreateCertificatesAsync(KubernetesClient client, int count, bool rsa, CancellationToken ct) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (i, token) =>
            await client.CreateAsync(new Certificate
            {
                Metadata = new V1ObjectMeta { Name = $"c{i}", NamespaceProperty = Namespace },
                Spec = new CertificateSpec
                {
                    SecretName = $"c{i}-tls",
                    DnsNames = [$"c{i}.bench.example.com"],
                    PrivateKey = rsa ? new CertificatePrivateKey { Algorithm = "RSA", Size = 2048 } : new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
                    IssuerRef = new IssuerReference { Name = CaIssuer, Kind = "ClusterIssuer" },
                },
            }, token));

    private static string NoiseNamespace(int i) => $"noise-{i}";
}
