using System.Net.Sockets;
using CertOperator.Testing.Processes;

namespace CertOperator.Image.Tests;

/// <summary>
/// podman's Docker-compatible API on a socket of its own (`podman system service`), for Testcontainers. podman runs
/// here with runc and without default ulimits (the sandbox refuses them), both set in a containers.conf that the
/// image build shares. Dispose stops the service; the containers it ran are removed by their tests.
/// </summary>
public sealed class PodmanService : IAsyncDisposable
{
    private readonly ManagedProcess _service;
    private readonly string _folder;

    private PodmanService(ManagedProcess service, string folder, string containersConf)
    {
        _service = service;
        _folder = folder;
        ContainersConf = containersConf;
    }

    /// <summary>The Docker endpoint, e.g. unix:///tmp/podman-x/podman.sock.</summary>
    public Uri Endpoint => new($"unix://{Socket}");

    /// <summary>The containers.conf every podman command of the test uses (CONTAINERS_CONF).</summary>
    public string ContainersConf { get; }

    private string Socket => Path.Combine(_folder, "podman.sock");

    public static async Task<PodmanService> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("certoperator-podman-").FullName;
        var conf = Path.Combine(folder, "containers.conf");
        await File.WriteAllTextAsync(conf, "[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = \"runc\"\n", cancellationToken);
        var socket = Path.Combine(folder, "podman.sock");
        var process = ManagedProcess.Start(
            "podman", ["system", "service", "--time=0", $"unix://{socket}"], new Dictionary<string, string> { ["CONTAINERS_CONF"] = conf });
        var service = new PodmanService(process, folder, conf);
        try
        {
            await service.WaitForPingAsync(cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForPingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(Socket), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_service.HasExited)
            {
                throw new InvalidOperationException($"podman system service exited (code {_service.ExitCode}):\n{_service.Output}");
            }

            try
            {
                if (await http.GetStringAsync(new Uri("http://podman/_ping"), cancellationToken) == "OK")
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"podman system service did not answer /_ping within 30 s:\n{_service.Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
