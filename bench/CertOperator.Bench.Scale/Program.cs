using System.Diagnostics;
using System.Globalization;
using CertOperator.Bench.Scale;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Informers;
using CertOperator.Testing.RealKube;

// The whole operator at scale: N unrelated Secrets, M Certificates from a CA ClusterIssuer, the Release operator
// as its own process. Prints time to all Ready, the Ready rate over time, RSS, managed heap, CPU, the API requests
// the operator made (per certificate, by verb and resource), duplicate issuances and cold starts.
var options = BenchOptions.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromHours(2));
var ct = cancel.Token;
var folder = Directory.CreateTempSubdirectory("certoperator-scale-").FullName;
var binary = Environment.GetEnvironmentVariable("CERTOPERATOR_BINARY") is { Length: > 0 } native ? native : "dotnet CertOperator.dll (JIT)";
Console.WriteLine($"Scale benchmark: {options.Server} API server, {options.Secrets:N0} unrelated Secrets, {options.Certificates:N0} {(options.Rsa ? "RSA-2048" : "ECDSA P-256")} Certificates");
Console.WriteLine($"Operator: {binary}; flags: {string.Join(' ', options.OperatorFlags)}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

double? floorKeysPerSecond = null;
if (options.Rsa)
{
    floorKeysPerSecond = KeygenFloor.RsaKeysPerSecond(TimeSpan.FromSeconds(10));
    Console.WriteLine($"RSA-2048 key generation floor on {Environment.ProcessorCount} cores: {floorKeysPerSecond:0.0} keys/s");
}

await using var plane = await BenchControlPlane.StartAsync(options.Server, folder, ct);
using var client = new KubernetesClient(
    KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [plane.AdminKubeconfig] }),
    new KubernetesClientOptions { Qps = 100_000, Burst = 100_000 });
var seeding = Stopwatch.StartNew();
await Seeding.CreateNamespacesAsync(client, ct);
await Seeding.CreateUnrelatedSecretsAsync(client, options.Secrets, ct);
await Seeding.CreateIssuersAsync(client, ct);
Console.WriteLine($"Seeded {options.Secrets:N0} Secrets and the issuers in {seeding.Elapsed.TotalSeconds:0.0} s");

var (op, coldStart) = await OperatorUnderTest.StartAsync(plane, options.OperatorFlags, ct);
var sinceStart = Stopwatch.StartNew();
while (await client.TryGetAsync<ClusterIssuer>(null, Seeding.CaIssuer, ct) is not { } issuer || !Conditions.IsTrue(issuer.Status?.Conditions, ConditionTypes.Ready))
{
    await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
}

var issuerReady = sinceStart.Elapsed + coldStart;
Console.WriteLine($"Cold start with {options.Secrets:N0} Secrets: process start -> /readyz {coldStart.TotalMilliseconds:0} ms; -> CA ClusterIssuer Ready {issuerReady.TotalMilliseconds:0} ms (its root certificate issued on the way)");
PrintLines(op.InformerLists());

await using var informers = new SharedInformerFactory(client, Seeding.Namespace);
var certificates = informers.GetInformer<Certificate>();
informers.Start();
await informers.WaitForSyncAsync(ct);

var countsBefore = await plane.RequestCountsAsync(ct);
var cpuBefore = ProcessSampler.CpuSeconds(op.Process.Id);
var clock = Stopwatch.StartNew();
var creating = Seeding.CreateCertificatesAsync(client, options.Certificates, options.Rsa, ct);
Console.WriteLine();
Console.WriteLine("|   time |  Ready | Ready/s (last 5 s) | RSS MiB | CPU s |");
Console.WriteLine("|-------:|-------:|-------------------:|--------:|------:|");
var lastReady = 0;
var lastProgress = TimeSpan.Zero;
var stalled = false;
var peak = 0.0;
while (true)
{
    await Task.Delay(TimeSpan.FromSeconds(5), ct);
    var ready = certificates.Store.List().Count(c => Conditions.IsTrue(c.Status?.Conditions, ConditionTypes.Ready));
    var (rss, hwm) = ProcessSampler.Memory(op.Process.Id);
    peak = Math.Max(peak, hwm);
    Console.WriteLine($"| {clock.Elapsed.TotalSeconds,5:0} s | {ready,6} | {(ready - lastReady) / 5.0,18:0.0} | {rss,7:0.0} | {ProcessSampler.CpuSeconds(op.Process.Id) - cpuBefore,5:0.0} |");
    if (ready > lastReady)
    {
        lastProgress = clock.Elapsed;
    }

    lastReady = ready;
    if (ready >= options.Certificates || op.Process.HasExited)
    {
        break;
    }

    if (clock.Elapsed - lastProgress > TimeSpan.FromSeconds(60))
    {
        stalled = true;
        break;
    }
}

await creating;
var allReady = await FirstAllReadyAsync();
var issuingCpu = ProcessSampler.CpuSeconds(op.Process.Id) - cpuBefore;
var countsAfter = await plane.RequestCountsAsync(ct);
Console.WriteLine();
Console.WriteLine(stalled
    ? $"STALL: {lastReady:N0} of {options.Certificates:N0} Ready, none more for 60 s"
    : $"All {options.Certificates:N0} Ready in {allReady.TotalSeconds:0.0} s ({options.Certificates / allReady.TotalSeconds:0.0} certificates/s), operator CPU {issuingCpu:0.0} s");
if (floorKeysPerSecond is { } floor && !stalled)
{
    var floorSeconds = options.Certificates / floor;
    Console.WriteLine($"RSA: key-generation floor for {options.Certificates:N0} keys {floorSeconds:0.0} s; measured / floor = {allReady.TotalSeconds / floorSeconds:0.00}");
}

PrintRequests("while issuing", ApiServerMetrics.Delta(countsBefore, countsAfter), options.Certificates, ownCreates: options.Certificates);
var duplicates = await PrintIssuancesAsync();

await Task.Delay(TimeSpan.FromSeconds(options.Idle), ct);
var (steady, steadyPeak) = ProcessSampler.Memory(op.Process.Id);
var steadyBreakdown = ProcessSampler.Breakdown(op.Process.Id);
Console.WriteLine($"Steady after {options.Idle} s idle: RSS {steady:0.0} MiB (peak {Math.Max(peak, steadyPeak):0.0} MiB), managed heap {await op.ManagedHeapAsync(ct):0.0} MiB, CPU {ProcessSampler.CpuSeconds(op.Process.Id):0.0} s since start");
Console.WriteLine($"  resident before the scrape: {steadyBreakdown}; after the scrape: {ProcessSampler.Breakdown(op.Process.Id)}");

await op.StopAsync(ct);
await op.DisposeAsync();
var countsBeforeRestart = await plane.RequestCountsAsync(ct);
var (restarted, warmStart) = await OperatorUnderTest.StartAsync(plane, options.OperatorFlags, ct);
await using (restarted)
{
    await Task.Delay(TimeSpan.FromSeconds(options.Idle), ct);
    PrintRequests($"from its restart to {options.Idle} s after /readyz", ApiServerMetrics.Delta(countsBeforeRestart, await plane.RequestCountsAsync(ct)), options.Certificates, ownCreates: 0);
    var (rss, _) = ProcessSampler.Memory(restarted.Process.Id);
    var restartBreakdown = ProcessSampler.Breakdown(restarted.Process.Id);
    Console.WriteLine($"Restart with everything present ({options.Secrets:N0} unrelated Secrets, {options.Certificates:N0} Certificates, their requests and Secrets): "
        + $"process start -> /readyz {warmStart.TotalMilliseconds:0} ms; RSS {options.Idle} s later {rss:0.0} MiB, managed heap {await restarted.ManagedHeapAsync(ct):0.0} MiB");
    Console.WriteLine($"  resident before the scrape: {restartBreakdown}; after the scrape: {ProcessSampler.Breakdown(restarted.Process.Id)}");
    PrintLines(restarted.InformerLists());
}

Directory.Delete(folder, recursive: true);
return stalled ? 1 : duplicates > 0 ? 2 : 0;

// When the last Certificate's Ready condition turned True, from its transition time (second resolution) or now.
async Task<TimeSpan> FirstAllReadyAsync()
{
    var list = await client.ListAllAsync<Certificate>(Seeding.Namespace, ct: ct);
    var last = list.Items.Select(c => Conditions.Find(c.Status?.Conditions, ConditionTypes.Ready)?.LastTransitionTime).Max();
    var elapsed = clock.Elapsed;
    return last is { } at && DateTimeOffset.UtcNow - at < elapsed ? elapsed - (DateTimeOffset.UtcNow - at) : elapsed;
}

void PrintRequests(string when, List<(string Key, long Count)> delta, int perCertificates, int ownCreates)
{
    // The benchmark's own traffic: its Certificate creates; WATCH is long-running and not counted; rows without a resource are /metrics scrapes.
    var rows = delta
        .Select(d => d.Key.StartsWith("POST certificates 201", StringComparison.Ordinal) ? (d.Key, Count: d.Count - ownCreates) : d)
        .Where(d => d.Count > 0 && !d.Key.StartsWith("WATCH", StringComparison.Ordinal) && d.Key.Split(' ')[1].Length > 0)
        .ToList();
    var total = rows.Sum(d => d.Count);
    Console.WriteLine($"API requests by the operator {when}: {total:N0} = {(double)total / perCertificates:0.0} per certificate; 409 Conflict: {rows.Where(d => d.Key.EndsWith(" 409", StringComparison.Ordinal)).Sum(d => d.Count)}");
    foreach (var (key, count) in rows)
    {
        Console.WriteLine($"  {count,8:N0}  {(double)count / perCertificates,5:0.00}/cert  {key}");
    }
}

// Every Certificate must end at revision 1 with exactly one CertificateRequest; returns how many do not.
async Task<int> PrintIssuancesAsync()
{
    var list = await client.ListAllAsync<Certificate>(Seeding.Namespace, ct: ct);
    var requests = await client.ListAllAsync<CertificateRequest>(Seeding.Namespace, ct: ct);
    var notFirst = list.Items.Count(c => c.Status?.Revision != 1);
    var perCertificate = requests.Items.GroupBy(r => r.Metadata.OwnerReferences?.FirstOrDefault()?.Uid).Count(g => g.Count() > 1);
    Console.WriteLine($"Duplicate issuance: {notFirst} Certificates not at revision 1; {requests.Items.Count:N0} CertificateRequests for {list.Items.Count:N0} Certificates ({perCertificate} Certificates with more than one)");
    return Math.Max(notFirst, perCertificate);
}

static void PrintLines(IEnumerable<string> lines)
{
    foreach (var line in lines)
    {
        Console.WriteLine($"  {line}");
    }
}
