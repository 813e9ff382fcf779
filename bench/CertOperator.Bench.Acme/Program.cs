using System.Diagnostics;
using System.Globalization;
using CertOperator.Acme;
using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Bench.Acme;
using CertOperator.Testing.Pebble;
using CertOperator.Testing.Processes;

// Issues N certificates over http-01 against one local pebble, sequentially and concurrently, with
// this ACME client and with Debian's lego CLI, and prints per-certificate latency for each.
var count = IntOption(args, "--count", 20);
var concurrency = IntOption(args, "--concurrency", 8);
var skipLego = args.Contains("--skip-lego");
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var ct = cancel.Token;

var workDirectory = Directory.CreateTempSubdirectory("acme-bench-").FullName;
await using var environment = await PebbleEnvironment.StartAsync(o => o with { AuthorizationReusePercent = 0 }, startResponder: false, ct);
Console.WriteLine($"pebble {environment.Pebble.DirectoryUrl}, http-01 validation port {environment.HttpValidationPort}, {Environment.ProcessorCount} cores, {count} certificates, concurrency {concurrency}");

var results = new List<LatencyStats>();
if (!skipLego)
{
    var legoPath = await DebianPackage.RequireBinaryAsync("lego", "lego", ct);
    var lego = new LegoRunner(environment, legoPath, workDirectory);
    Directory.CreateDirectory(Path.Combine(lego.Webroot, ".well-known", "acme-challenge"));
    Console.WriteLine("lego command: " + lego.CommandLine("<domain>", $"--http --http.port :{environment.HttpValidationPort}"));
    await lego.IssueWithOwnServerAsync(Issuance.UniqueName("lego-warmup"), ct);
    results.Add(await MeasureAsync("lego (own http server)", 1, _ => lego.IssueWithOwnServerAsync(Issuance.UniqueName("lego"), ct)));
    environment.StartResponder(lego.Webroot);
    results.Add(await MeasureAsync("lego (webroot)", 1, _ => lego.IssueWithWebrootAsync(Issuance.UniqueName("lego-wr"), ct)));
    results.Add(await MeasureAsync("lego (webroot)", concurrency, _ => lego.IssueWithWebrootAsync(Issuance.UniqueName("lego-par"), ct)));
}

environment.StartResponder();
using var client = AcmeClientFactory.Create(new AcmeClientOptions
{
    DirectoryUrl = environment.Pebble.DirectoryUrl,
    AccountKey = AcmeAccountKey.Create(AcmeKeyAlgorithm.ES256),
    Handler = environment.Pebble.Tls.CreateHandler(),
});
await client.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true, Contact = ["mailto:bench@example.test"] }, ct);
await IssueAsync("warmup");
results.Add(await MeasureAsync("CertOperator.Acme", 1, _ => TimedAsync(() => IssueAsync("seq"))));
results.Add(await MeasureAsync("CertOperator.Acme", concurrency, _ => TimedAsync(() => IssueAsync("par"))));

Console.WriteLine();
Console.WriteLine(LatencyStats.Header());
foreach (var result in results)
{
    Console.WriteLine(result.Row());
}

if (!skipLego)
{
    Console.WriteLine();
    PrintRatio("sequential, lego own server", results[0], results[3]);
    PrintRatio("sequential, lego webroot", results[1], results[3]);
    PrintRatio($"concurrency {concurrency}", results[2], results[4]);
}

Directory.Delete(workDirectory, recursive: true);
return 0;

async Task IssueAsync(string prefix) =>
    await Issuance.IssueAsync(client, environment, ChallengeKind.Http01, [AcmeIdentifier.Dns(Issuance.UniqueName(prefix))], CertificateKeyAlgorithm.EcdsaP256, ct);

static async Task<TimeSpan> TimedAsync(Func<Task> action)
{
    var stopwatch = Stopwatch.StartNew();
    await action();
    return stopwatch.Elapsed;
}

async Task<LatencyStats> MeasureAsync(string name, int parallelism, Func<int, Task<TimeSpan>> issueOne)
{
    var samples = new TimeSpan[count];
    var wall = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, _) =>
        samples[i] = await issueOne(i));
    wall.Stop();
    var stats = new LatencyStats(name, parallelism, samples, wall.Elapsed);
    Console.WriteLine(stats.Row());
    return stats;
}

static void PrintRatio(string label, LatencyStats lego, LatencyStats ours) => Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{label}: lego/CertOperator mean latency {lego.MeanMs / ours.MeanMs:F1}x, p95 {lego.P95Ms / ours.P95Ms:F1}x, throughput {ours.CertificatesPerSecond / lego.CertificatesPerSecond:F1}x"));

static int IntOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
