using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Testing.RealKube;

namespace CertOperator.Bench.Scale;

/// <summary>Where the benchmark runs: our in-process test API server or a real kube-apiserver 1.24 with etcd.</summary>
internal abstract class BenchControlPlane : IAsyncDisposable
{
    /// <summary>For the benchmark's own reads and writes: allowed everything.</summary>
    public abstract string AdminKubeconfig { get; }

    /// <summary>The identity the operator runs as.</summary>
    public abstract string OperatorKubeconfig { get; }

    public abstract string LeaderElectionNamespace { get; }

    /// <summary>Requests served so far, keyed "VERB resource[/subresource] code".</summary>
    public abstract Task<IReadOnlyDictionary<string, long>> RequestCountsAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public static async Task<BenchControlPlane> StartAsync(string kind, string folder, CancellationToken ct) =>
        kind == "real" ? new Real(await RealKubeApiServer.StartAsync(ct)) : await Test.StartAsync(folder, ct);

    /// <summary>kube-apiserver: the operator authenticates as the ServiceAccount config/rbac binds; counts come from /metrics.</summary>
    private sealed class Real(RealKubeApiServer server) : BenchControlPlane
    {
        public override string AdminKubeconfig => server.AdminKubeconfig;

        public override string OperatorKubeconfig => server.OperatorKubeconfig;

        public override string LeaderElectionNamespace => RealKubeApiServer.OperatorNamespace;

        public override async Task<IReadOnlyDictionary<string, long>> RequestCountsAsync(CancellationToken ct) =>
            ApiServerMetrics.RequestCounts(await server.KubectlAsync(["get", "--raw", "/metrics"], ct));

        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }

    /// <summary>The test API server in this process (it shares the machine with the operator, as kube-apiserver would).</summary>
    private sealed class Test(KubeApiServer server, string kubeconfig) : BenchControlPlane
    {
        public override string AdminKubeconfig => kubeconfig;

        public override string OperatorKubeconfig => kubeconfig;

        public override string LeaderElectionNamespace => "kube-system";

        public static async Task<Test> StartAsync(string folder, CancellationToken ct)
        {
            var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") }, ct);
            var kubeconfig = Path.Combine(folder, "kubeconfig");
            server.WriteKubeconfig(kubeconfig);
            return new Test(server, kubeconfig);
        }

        public override Task<IReadOnlyDictionary<string, long>> RequestCountsAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, long>>(server.Requests.Snapshot().ToDictionary(kv => kv.Key, kv => (long)kv.Value, StringComparer.Ordinal));

        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
