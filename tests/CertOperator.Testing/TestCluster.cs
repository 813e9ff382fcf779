using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using k8s.Models;

namespace CertOperator.Testing;

/// <summary>An in-process test API server plus a client configured the way users configure one: from its kubeconfig.</summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");

    private TestCluster(KubeApiServer server)
    {
        Server = server;
        server.WriteKubeconfig(_kubeconfig);
        Configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [_kubeconfig] });
        Client = CreateClient();
    }

    public KubeApiServer Server { get; }

    public KubernetesClientConfiguration Configuration { get; }

    public KubernetesClient Client { get; }

    public static async Task<TestCluster> StartAsync(KubeApiServerOptions? options = null) =>
        new(await KubeApiServer.StartAsync(options));

    /// <summary>A server that serves the project's CRDs (config/crds), with <paramref name="namespaces"/> created.</summary>
    public static async Task<TestCluster> StartWithCrdsAsync(params string[] namespaces)
    {
        var cluster = await StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        foreach (var name in namespaces)
        {
            await cluster.Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = name } });
        }

        return cluster;
    }

    public KubernetesClient CreateClient(KubernetesClientOptions? options = null) =>
        new(Configuration, options ?? new KubernetesClientOptions { Qps = 1000, Burst = 1000 });

    /// <summary>A fresh namespace so tests sharing a server do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync(string prefix = "t")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
