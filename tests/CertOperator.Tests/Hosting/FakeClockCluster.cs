using System.Diagnostics;
using System.Text;
using CertOperator.Certificates.Controllers;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Hosting;

/// <summary>
/// The test API server and the in-process operator sharing one fake clock, plus the test's own informers.
/// The test reads through watches instead of polling, so once it has created its objects every request the server
/// counts is the operator's.
/// </summary>
internal sealed class FakeClockCluster : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock;

    private FakeClockCluster(FakeTimeProvider clock, KubeApiServer server, KubernetesClient client, SharedInformerFactory observer, InProcessOperator op)
    {
        _clock = clock;
        Server = server;
        Client = client;
        Observer = observer;
        Operator = op;
    }

    public KubeApiServer Server { get; }

    /// <summary>The test's client, on the real clock.</summary>
    public KubernetesClient Client { get; }

    /// <summary>The test's informers; it reads what the operator did from their caches.</summary>
    public SharedInformerFactory Observer { get; }

    public InProcessOperator Operator { get; }

    /// <summary>Starts the server, the test's Certificate and Secret informers, then the operator.</summary>
    public static async Task<FakeClockCluster> StartAsync(FakeTimeProvider clock, string clusterResourceNamespace)
    {
        var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds"), Clock = clock });
        var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [server.KubeconfigPath] }));
        var observer = new SharedInformerFactory(client);
        try
        {
            observer.GetInformer<Certificate>();
            observer.GetInformer<Secret>();
            observer.Start();
            await observer.WaitForSyncAsync(CancellationToken.None);
            var op = await InProcessOperator.StartAsync(server, clock, clusterResourceNamespace);
            return new FakeClockCluster(clock, server, client, observer, op);
        }
        catch
        {
            await observer.DisposeAsync();
            client.Dispose();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Whether the test's Secret cache holds no next-key Secret: the key manager deletes it once an issuance has ended,
    /// woken by the same status write that shows the issuance done, so until then the issuance is not quite over.
    /// </summary>
    public bool NextKeySecretsGone() =>
        !Observer.GetInformer<Secret>().Store.List().Any(s => s.Metadata.Labels?.ContainsKey(KeyManagerReconciler.NextKeyLabel) == true);

    /// <summary>Waits (in real time, up to 30 s) until <paramref name="condition"/> holds; a timeout shows the operator's log.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), $"{what}; operator log:\n{string.Join("\n", Operator.Log.Lines())}");
            await Task.Delay(10);
        }
    }

    /// <summary>A CA Issuer "ca" in <paramref name="ns"/> signing with the key pair given (PEM), once it is Ready and the operator has settled.</summary>
    public async Task CaIssuerAsync(string ns, string certPem, string keyPem)
    {
        await Client.CreateAsync(new Secret
        {
            Metadata = new V1ObjectMeta { Name = "ca-key", NamespaceProperty = ns },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(certPem),
                ["tls.key"] = Encoding.ASCII.GetBytes(keyPem),
            },
        });
        await Client.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = "ca", NamespaceProperty = ns }, Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = "ca-key" } } });
        await EventuallyAsync(async () => Conditions.IsTrue((await Client.GetAsync<Issuer>(ns, "ca")).Status?.Conditions, ConditionTypes.Ready), "the CA Issuer is Ready");
        await SettledAsync();
    }

    /// <summary>
    /// Waits (in real time) until the operator has nothing queued or in flight, no request is waiting on a timeout of
    /// the fake clock, and the server has seen no request for <paramref name="quietFor"/> (50 ms unless given).
    /// </summary>
    public async Task SettledAsync(TimeSpan? quietFor = null, Func<string>? diagnostics = null)
    {
        var deadline = Stopwatch.StartNew();
        var last = Server.Requests.Snapshot();
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < (quietFor ?? TimeSpan.FromMilliseconds(50)))
        {
            await Task.Delay(5);
            var now = Server.Requests.Snapshot();
            if (RequestCounter.Delta(last, now) != 0 || _clock.PendingTimeouts > 0 || !Operator.Manager.IsIdle)
            {
                last = now;
                quiet.Restart();
            }

            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), $"the operator settles{(diagnostics is null ? "" : $":\n{diagnostics()}")}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync();
        await Observer.DisposeAsync();
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
