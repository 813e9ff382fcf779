using System.Security.Cryptography;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Bench.Informer;

/// <summary>Creates the namespace and the Secrets the informers will cache.</summary>
internal static class Seeder
{
    public static async Task CreateSecretsAsync(KubernetesClient client, string ns, int count, int bytes)
    {
        await client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = ns } });
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var secret = new Secret
            {
                Metadata = new V1ObjectMeta { Name = $"secret-{i:D5}", NamespaceProperty = ns, Labels = new Dictionary<string, string>() { ["app"] = "bench" } },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]>() { ["payload"] = RandomNumberGenerator.GetBytes(bytes) },
            };
            await client.CreateAsync(secret, ct);
        });
    }
}
