using System.Net;
using System.Text.Json;
using CertOperator.Testing;
using CertOperator.Testing.Processes;
using CertOperator.Tests.EndToEnd.ControlPlanes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>The operator process's two listeners (metrics, health) and its log output, as a cluster's tooling meets them.</summary>
public sealed class ListenersAndLogsTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("certoperator-listeners-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private TestApiControlPlane _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestApiControlPlane.StartAsync(_dir);

    [Fact]
    public async Task Metrics_and_health_each_answer_only_on_their_own_port()
    {
        var (metrics, health) = (FreePort.Next(), FreePort.Next());
        await using var process = Start($"127.0.0.1:{metrics}", $"127.0.0.1:{health}", "--log-format", "text");
        await WaitAsync(() => GetAsync(health, "/readyz"), r => r.Status == HttpStatusCode.OK, process);

        (await GetAsync(metrics, "/metrics")).Body.Should().Contain("# TYPE certmanager_clock_time_seconds_gauge gauge");
        (await GetAsync(health, "/livez")).Should().Be((HttpStatusCode.OK, "ok"));
        (await GetAsync(health, "/metrics")).Status.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync(metrics, "/readyz")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_and_v_sets_how_much_is_said()
    {
        var health = FreePort.Next();
        // Without leader election both processes lead, and both reach the Information line "Caches synced; starting workers".
        await using var chatty = Start("0", $"127.0.0.1:{health}", "--log-format", "json", "-v", "2", "--leader-elect", "false");
        await WaitAsync(() => Task.FromResult(chatty.Output), o => o.Contains("Caches synced", StringComparison.Ordinal), chatty);
        var quietHealth = FreePort.Next();
        await using var quiet = Start("0", $"127.0.0.1:{quietHealth}", "--log-format", "json", "-v", "0", "--leader-elect", "false");
        await WaitAsync(() => GetAsync(quietHealth, "/readyz?verbose"), r => r.Body.Contains("[+]workers leading", StringComparison.Ordinal), quiet);

        var lines = chatty.Output.Split('\n');
        lines.Should().NotBeEmpty().And.OnlyContain(l => IsJsonObject(l), "log shippers split records on newlines");
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("LogLevel").GetString()).Should().Contain("Information");
        quiet.Output.Should().NotContain("Caches synced", "-v 0 logs errors only");
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private OperatorProcess Start(string metrics, string health, params string[] extra) => OperatorProcess.Start(
        _cluster.OperatorKubeconfig,
        ["--metrics-listen-address", metrics, "--internal-healthz-listen-address", health, "--leader-election-namespace", _cluster.LeaderElectionNamespace,
         "--cluster-resource-namespace", "cert-manager", "--leader-election-lease-duration", "15s", "--leader-election-renew-deadline", "10s",
         "--leader-election-retry-period", "2s", .. extra]);

    private static Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, OperatorProcess process) => LocalHttp.UntilAsync(read, done, process);

    private Task<(HttpStatusCode Status, string Body)> GetAsync(int port, string path) => LocalHttp.GetAsync(_http, port, path);

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
