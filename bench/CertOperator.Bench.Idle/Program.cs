using System.Diagnostics;
using System.Globalization;
using CertOperator.Bench.Idle;
using CertOperator.Testing;
using CertOperator.Testing.RealKube;

// Idle cost of the operator on a real kube-apiserver 1.24: issue N certificates, wait until all are Ready,
// then count what the operator asks of the API server and writes to its log during a quiet window.
var certificates = IntArg("--certificates", 1000);
var window = TimeSpan.FromSeconds(IntArg("--window", 60));
var extra = Environment.GetCommandLineArgs().SkipWhile(a => a != "--").Skip(1).ToArray();
using var cancel = new CancellationTokenSource(TimeSpan.FromHours(1));
var ct = cancel.Token;

Console.WriteLine($"Idle benchmark: {certificates} Certificates, {window.TotalSeconds:0} s window, operator flags: {string.Join(' ', extra)}");
await using var server = await RealKubeApiServer.StartAsync(ct);
var dir = Directory.CreateTempSubdirectory("certoperator-idle-").FullName;

// The control plane has background traffic of its own (controller-manager); measure it first so it can be told apart.
var quietBefore = await MetricsAsync();
await Task.Delay(window, ct);
var background = ApiServerMetrics.Delta(quietBefore, await MetricsAsync());

await ApplyAsync("issuers.yaml", Manifests.Issuers());
await using var op = OperatorProcess.Start(server.OperatorKubeconfig,
    ["--internal-healthz-listen-address", "0", "--metrics-listen-address", "0", "--leader-election-namespace", RealKubeApiServer.OperatorNamespace, "--cluster-resource-namespace", Manifests.ClusterResourceNamespace, .. extra]);
var clock = Stopwatch.StartNew();
for (var first = 0; first < certificates; first += 100)
{
    await ApplyAsync($"certificates-{first}.yaml", Manifests.Certificates(first, Math.Min(100, certificates - first)));
}

Console.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  {certificates} Certificates created");
while (await ReadyCountAsync() is var ready && ready < certificates)
{
    Console.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  {ready} Ready");
    if (op.HasExited)
    {
        throw new InvalidOperationException($"the operator exited:\n{op.Output}");
    }

    await Task.Delay(TimeSpan.FromSeconds(5), ct);
}

Console.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  all {certificates} Ready");
await Task.Delay(TimeSpan.FromSeconds(10), ct);
var before = await MetricsAsync();
var linesBefore = op.LinesWritten;
await Task.Delay(window, ct);
var idle = ApiServerMetrics.Delta(before, await MetricsAsync());
var lines = op.LinesWritten - linesBefore;

Console.WriteLine();
Console.WriteLine($"Requests to the API server during {window.TotalSeconds:0} s at idle (WATCH excluded: long-running):");
Print(idle);
Console.WriteLine($"Background of the control plane alone during {window.TotalSeconds:0} s, before the operator started:");
Print(background);
var backgroundByKey = background.ToDictionary(d => d.Key, d => d.Count);
var operatorOnly = idle.Where(d => !d.Key.StartsWith("WATCH", StringComparison.Ordinal)).Sum(d => Math.Max(0, d.Count - backgroundByKey.GetValueOrDefault(d.Key)));
var leases = idle.Where(d => d.Key.Contains(" leases ", StringComparison.Ordinal)).Sum(d => d.Count);
Console.WriteLine($"Operator requests per minute at idle: {PerMinute(operatorOnly)} (of which leader-election Lease renewals: {PerMinute(leases)}; everything else: {PerMinute(operatorOnly - leases)})");
Console.WriteLine($"Operator log lines during the window: {lines}");
Console.WriteLine($"Operator RSS: {RssMegabytes(op.Id)} MB");
Directory.Delete(dir, recursive: true);
return 0;

string PerMinute(long count) => (count * 60 / window.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);

void Print(List<(string Key, long Count)> delta)
{
    foreach (var (key, count) in delta.Where(d => !d.Key.StartsWith("WATCH", StringComparison.Ordinal)))
    {
        Console.WriteLine($"  {count,6}  {key}");
    }

    if (delta.Count == 0)
    {
        Console.WriteLine("  (none)");
    }
}

async Task<Dictionary<string, long>> MetricsAsync() =>
    ApiServerMetrics.RequestCounts(await server.KubectlAsync(["get", "--raw", "/metrics"], ct));

async Task ApplyAsync(string name, string yaml)
{
    var file = Path.Combine(dir, name);
    await File.WriteAllTextAsync(file, yaml, ct);
    await server.KubectlAsync(["create", "-f", file], ct);
}

async Task<int> ReadyCountAsync()
{
    var statuses = await server.KubectlAsync(
        ["get", "certificates", "-n", Manifests.Namespace, "-o", "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"], ct);
    return statuses.Split('\n').Count(s => s == "True");
}

static string RssMegabytes(int pid) =>
    File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
        ? (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)
        : "?";

static int IntArg(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
