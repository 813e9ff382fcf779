using System.Net;
using CertOperator.Testing;
using CertOperator.Testing.Processes;
using CertOperator.Tests.EndToEnd.ControlPlanes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>/livez, /readyz and /healthz of the operator process, as a kubelet probes them, for a leader and a standby.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("certoperator-health-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private TestApiControlPlane _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestApiControlPlane.StartAsync(_dir);

    [Fact]
    public async Task Leader_and_standby_are_ready_once_their_caches_sync_and_say_which_they_are()
    {
        var leaderPort = FreePort.Next();
        await using var leader = Start(leaderPort);
        var leaderReady = await ReadyAsync(leaderPort, leader, "[+]workers leading");
        var standbyPort = FreePort.Next();
        await using var standby = Start(standbyPort);
        var standbyReady = await ReadyAsync(standbyPort, standby, "[+]workers standby");

        leaderReady.Should().Contain("[+]informer secrets (metadata) synced").And.Contain("[+]informer certificates synced")
            .And.Contain("[+]workers leading, all workers running").And.EndWith("ok\n");
        standbyReady.Should().Contain("[+]workers standby, waiting for the leader lease").And.NotContain("[-]");
        (await GetAsync(leaderPort, "/readyz")).Should().Be((HttpStatusCode.OK, "ok"));
        (await GetAsync(leaderPort, "/livez")).Should().Be((HttpStatusCode.OK, "ok"));
        (await GetAsync(standbyPort, "/healthz")).Should().Be((HttpStatusCode.OK, "ok"));
        var live = (await GetAsync(leaderPort, "/livez?verbose")).Body;
        live.Should().Contain("[+]controller-manager running").And.Contain("[+]controller certificates-trigger workers alive");
    }

    private OperatorProcess Start(int healthPort) => OperatorProcess.Start(
        _cluster.OperatorKubeconfig,
        ["--internal-healthz-listen-address", $"127.0.0.1:{healthPort}", "--metrics-listen-address", "0", "--leader-election-namespace", _cluster.LeaderElectionNamespace,
         "--cluster-resource-namespace", "cert-manager", "--leader-election-lease-duration", "15s", "--leader-election-renew-deadline", "10s",
         "--leader-election-retry-period", "2s"]);

    /// <summary>Polls /readyz?verbose until it answers 200 naming <paramref name="role"/> (a process is ready as a standby before it leads).</summary>
    private async Task<string> ReadyAsync(int port, OperatorProcess process, string role) =>
        (await LocalHttp.UntilAsync(() => GetAsync(port, "/readyz?verbose"), r => r.Status == HttpStatusCode.OK && r.Body.Contains(role, StringComparison.Ordinal), process)).Body;

    private Task<(HttpStatusCode Status, string Body)> GetAsync(int port, string path) => LocalHttp.GetAsync(_http, port, path);

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
