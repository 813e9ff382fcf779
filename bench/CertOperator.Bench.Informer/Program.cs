using System.Diagnostics;
using System.Globalization;
using CertOperator.Bench.Informer;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.TestApiServer;

// Measures the memory an informer holds for 10,000 Secrets of 8 KiB: full objects vs metadata only.
// Usage: dotnet run -c Release --project bench/CertOperator.Bench.Informer [-- <count> <bytes>]
// The parent hosts the in-process API server and seeds it; each informer is measured in a fresh child
// process (`measure <full|metadata> <kubeconfig>`) so the server's own heap and pools stay out of the figures.
if (args is ["measure", var mode, var kubeconfigPath])
{
    var result = await InformerMeasurement.RunAsync(kubeconfigPath, metadataOnly: mode == "metadata");
    Console.WriteLine(result.ToMarkdownRow(mode == "metadata" ? "metadata-only (PartialObjectMetadata)" : "full Secret"));
    return 0;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var bytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8 * 1024;

await using var server = await KubeApiServer.StartAsync();
var kubeconfig = Path.GetTempFileName();
server.WriteKubeconfig(kubeconfig);
var configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [kubeconfig] });
using var client = new KubernetesClient(configuration, new KubernetesClientOptions { Qps = 100_000, Burst = 100_000 });

var seeding = Stopwatch.StartNew();
await Seeder.CreateSecretsAsync(client, InformerMeasurement.Namespace, count, bytes);
Console.WriteLine($"Created {count:N0} Secrets with {bytes:N0} data bytes each in {seeding.Elapsed.TotalSeconds:F1} s");
Console.WriteLine();
Console.WriteLine("| Informer | Objects | Sync time | Managed heap held | Per object | Working set of measuring process |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var informer in new[] { "metadata", "full" })
{
    Console.WriteLine(await RunChildAsync(informer, kubeconfig));
}

File.Delete(kubeconfig);
return 0;

static async Task<string> RunChildAsync(string mode, string kubeconfig)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals(typeof(Seeder).Assembly.GetName().Name, StringComparison.Ordinal))
    {
        start.ArgumentList.Add(typeof(Seeder).Assembly.Location);
    }

    foreach (var arg in new[] { "measure", mode, kubeconfig })
    {
        start.ArgumentList.Add(arg);
    }

    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    return child.ExitCode == 0 ? output.Trim() : $"| {mode} | failed with exit code {child.ExitCode} |";
}
