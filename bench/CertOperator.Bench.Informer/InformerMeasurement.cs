using System.Diagnostics;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Bench.Informer;

/// <summary>Syncs one informer in this (otherwise idle) process and reports the memory its cache keeps alive.</summary>
internal static class InformerMeasurement
{
    public const string Namespace = "bench";

    public sealed record Result(int Objects, TimeSpan SyncTime, long ManagedBytes, long WorkingSetBytes)
    {
        public string ToMarkdownRow(string name) =>
            $"| {name} | {Objects:N0} | {SyncTime.TotalSeconds:F2} s | {Mib(ManagedBytes)} | {ManagedBytes / Math.Max(1, Objects):N0} B | {Mib(WorkingSetBytes)} |";

        private static string Mib(long value) => $"{value / 1024.0 / 1024.0:F1} MiB";
    }

    public static async Task<Result> RunAsync(string kubeconfig, bool metadataOnly)
    {
        var configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [kubeconfig] });
        using var client = new KubernetesClient(configuration, new KubernetesClientOptions { Qps = 100_000, Burst = 100_000 });

        // Warm the HTTP/TLS stack with a tiny request so the baseline includes it.
        await client.ListAsync<Secret>(Namespace, new ListOptions { Limit = 1 });
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        await using var factory = new SharedInformerFactory(client, Namespace);
        Func<int> count = metadataOnly ? Count(factory.GetMetadataInformer<Secret>()) : Count(factory.GetInformer<Secret>());
        var clock = Stopwatch.StartNew();
        factory.Start();
        await factory.WaitForSyncAsync(CancellationToken.None);
        var syncTime = clock.Elapsed;

        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var result = new Result(count(), syncTime, managedAfter - managedBefore, process.WorkingSet64);
        GC.KeepAlive(factory);
        return result;
    }

    private static Func<int> Count<T>(IInformer<T> informer)
        where T : class, IKubernetesObject => () => informer.Store.Count;
}
