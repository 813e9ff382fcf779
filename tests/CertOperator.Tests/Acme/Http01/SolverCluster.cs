using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>The in-process API server with our CRDs and a client from its kubeconfig; one namespace per Challenge.</summary>
public sealed class SolverCluster : IAsyncLifetime
{
    public KubeApiServer Server { get; private set; } = null!;

    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        Configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Server.KubeconfigPath] });
        Client = new KubernetesClient(Configuration);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A stored Challenge (so it has a uid to own solver objects) in a fresh namespace.</summary>
    internal async Task<Challenge> CreateChallengeAsync(Action<AcmeChallengeSolverHttp01Ingress>? ingress = null)
    {
        var ns = $"h-{Guid.NewGuid():N}"[..20];
        await Client.CreateAsync(new KubeNamespace { Metadata = new ObjectMeta { Name = ns } });
        var challenge = Http01Gen.Challenge(ns: ns, ingress: ingress);
        challenge.Metadata.Uid = null;
        return await Client.CreateAsync(challenge);
    }
}
