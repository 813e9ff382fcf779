using CertOperator.Acme.Http01;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Testing.GatewayApi;
using Microsoft.Extensions.Logging.Abstractions;
using k8s.Models;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>The in-process API server with our CRDs (and the Gateway API's) and a client from its kubeconfig; one namespace per Challenge.</summary>
public sealed class SolverCluster : IAsyncLifetime
{
    /// <summary>The Issuer the solver tests present challenges for.</summary>
    public static Issuer Issuer { get; } = new() { Metadata = new V1ObjectMeta { Name = "acme" } };

    public KubeApiServer Server { get; private set; } = null!;

    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public KubernetesClient Client { get; private set; } = null!;

    /// <summary>An HTTP-01 solver on this cluster with default options; self-checks go through <paramref name="http"/>.</summary>
    internal Http01Solver NewSolver(HttpClient http) =>
        new(Client, new Http01Options(), http, TimeProvider.System, NullLogger<Http01Solver>.Instance);

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
        await Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = ns } });
        var challenge = build(ns);
        challenge.Metadata.Uid = null;
        return await Client.CreateAsync(challenge);
    }
}
