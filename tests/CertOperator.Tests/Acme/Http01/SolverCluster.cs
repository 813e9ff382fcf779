using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Testing.GatewayApi;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>The in-process API server with our CRDs (and the Gateway API's) and a client from its kubeconfig; one namespace per Challenge.</summary>
public sealed class SolverCluster : IAsyncLifetime
{
    public KubeApiServer Server { get; private set; } = null!;

    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds"), MoreCrdDirectories = [GatewayApiCrds.Directory] });
        Configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Server.KubeconfigPath] });
        Client = new KubernetesClient(Configuration);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A stored Challenge (so it has a uid to own solver objects) in a fresh namespace.</summary>
    internal Task<Challenge> CreateChallengeAsync(Action<AcmeChallengeSolverHttp01Ingress>? ingress = null) =>
        StoreAsync(ns => Http01Gen.Challenge(ns: ns, ingress: ingress));

    /// <summary>A stored Challenge solved through an HTTPRoute (the Gateway API CRDs are installed).</summary>
    internal Task<Challenge> CreateGatewayChallengeAsync(Action<AcmeChallengeSolverHttp01GatewayHttpRoute>? route = null) =>
        StoreAsync(ns => Http01Gen.GatewayChallenge(ns: ns, route: route));

    private async Task<Challenge> StoreAsync(Func<string, Challenge> build)
    {
        var ns = $"h-{Guid.NewGuid():N}"[..20];
        await Client.CreateAsync(new KubeNamespace { Metadata = new ObjectMeta { Name = ns } });
        var challenge = build(ns);
        challenge.Metadata.Uid = null;
        return await Client.CreateAsync(challenge);
    }
}
