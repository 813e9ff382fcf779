using System.Diagnostics;
using System.Globalization;
using CertOperator.Testing;
using CertOperator.Testing.Processes;

namespace CertOperator.Bench.Scale;

/// <summary>The Release operator as its own process, with health and metrics on free loopback ports.</summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly int _healthPort;
    private readonly int _metricsPort;

    private OperatorUnderTest(OperatorProcess process, int healthPort, int metricsPort)
    {
        Process = process;
        _healthPort = healthPort;
        _metricsPort = metricsPort;
    }

    public OperatorProcess Process { get; }

    /// <summary>Starts the operator and returns once /readyz answers 200, with the time that took.</summary>
    public static async Task<(OperatorUnderTest Operator, TimeSpan ColdStart)> StartAsync(BenchControlPlane plane, IReadOnlyList<string> flags, CancellationToken ct)
    {
        var healthPort = FreePort.Next();
        var metricsPort = FreePort.Next();
        var clock = Stopwatch.StartNew();
        var process = OperatorProcess.Start(plane.OperatorKubeconfig,
        [
            "--leader-election-namespace", plane.LeaderElectionNamespace,
            "--cluster-resource-namespace", Seeding.ClusterResourceNamespace,
            "--internal-healthz-listen-address", $"127.0.0.1:{healthPort}",
            "--metrics-listen-address", $"127.0.0.1:{metricsPort}",
            .. flags,
        ]);
        var started = new OperatorUnderTest(process, healthPort, metricsPort);
        while (!await started.ReadyAsync(ct))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the operator exited before it was ready:\n{process.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }

        return (started, clock.Elapsed);
    }

    /// <summary>The operator's own managed heap (dotnet_total_memory_bytes), in MiB.</summary>
    public async Task<double> ManagedHeapAsync(CancellationToken ct)
    {
        var text = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{_metricsPort}/metrics"), ct);
        var line = text.Split('\n').First(l => l.StartsWith("dotnet_total_memory_bytes ", StringComparison.Ordinal));
        return double.Parse(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture) / (1024 * 1024);
    }

    /// <summary>SIGTERM and wait: a clean shutdown releases the Lease, so the next process leads at once.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        await ExternalCommand.RunAsync("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)], ct: ct);
        var deadline = Stopwatch.StartNew();
        while (!Process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }

    /// <summary>The informers' "listed N objects in X ms" lines so far (the operator logs them at `-v 4`), to see where a start went.</summary>
    public IEnumerable<string> InformerLists() =>
        Process.Output.Split('\n').Where(l => l.Contains("Informer ", StringComparison.Ordinal) && l.Contains(" listed ", StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task<bool> ReadyAsync(CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{_healthPort}/readyz"), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
