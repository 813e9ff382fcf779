using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertOperator.Testing.Processes;

namespace CertOperator.Testing.Pebble;

/// <summary>
/// Debian's pebble-challtestsrv as pebble's DNS server: every A query answers 127.0.0.1, and tests
/// add dns-01 TXT records through its management API.
/// </summary>
public sealed class ChallTestServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly HttpClient _management;

    private ChallTestServer(ManagedProcess process, int dnsPort, int managementPort)
    {
        _process = process;
        DnsServer = $"127.0.0.1:{dnsPort}";
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>"host:port" to hand to pebble's -dnsserver.</summary>
    public string DnsServer { get; }

    public string Output => _process.Output;

    public static async Task<ChallTestServer> StartAsync(CancellationToken cancellationToken)
    {
        var binary = await DebianPackage.RequireBinaryAsync("pebble-challtestsrv", "pebble", cancellationToken).ConfigureAwait(false);
        var dnsPort = FreePort.Next();
        var managementPort = FreePort.Next();
        var process = ManagedProcess.Start(binary,
        [
            "-dns01", $"127.0.0.1:{dnsPort}",
            "-management", $"127.0.0.1:{managementPort}",
            "-http01", string.Empty,
            "-https01", string.Empty,
            "-tlsalpn01", string.Empty,
            "-defaultIPv4", "127.0.0.1",
            "-defaultIPv6", string.Empty,
        ]);
        var server = new ChallTestServer(process, dnsPort, managementPort);
        try
        {
            await FreePort.WaitForListenerAsync(managementPort, TimeSpan.FromSeconds(15), () => process.HasExited, cancellationToken).ConfigureAwait(false);
            await FreePort.WaitForListenerAsync(dnsPort, TimeSpan.FromSeconds(15), () => process.HasExited, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (Exception e)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"pebble-challtestsrv did not start:\n{process.Output}", e);
        }
    }

    /// <summary>Serves <paramref name="value"/> as a TXT record of <paramref name="host"/> (a trailing dot is added).</summary>
    public Task SetTxtAsync(string host, string value, CancellationToken cancellationToken) =>
        PostAsync("set-txt", new JsonObject { ["host"] = Fqdn(host), ["value"] = value }, cancellationToken);

    public Task ClearTxtAsync(string host, CancellationToken cancellationToken) =>
        PostAsync("clear-txt", new JsonObject { ["host"] = Fqdn(host) }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _management.Dispose();
    }

    private static string Fqdn(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.EndsWith('.') ? host : host + ".";
    }

    private async Task PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body);
        using var response = await _management.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
