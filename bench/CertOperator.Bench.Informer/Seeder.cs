using System.Security.Cryptography;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Bench.Informer;

/// <summary>Creates the namespace and the Secrets the informers will cache.</summary>
internal static class Seeder
{
    public static async Task CreateSecretsAsync(KubernetesClient client, string ns, int count, int bytes)
    {
        await client.CreateAsync(new KubeNamespace { Metadata = new ObjectMeta { Name = ns } });
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var secret = new Secret
            {
                Metadata = new ObjectMeta { Name = $"secret-{i:D5}", Namespace = ns, Labels = new() { ["app"] = "bench" } },
                Type = "Opaque",
                Data = new() { ["payload"] = RandomNumberGenerator.GetBytes(bytes) },
            };
            await client.CreateAsync(secret, ct);
        });
    }
}
