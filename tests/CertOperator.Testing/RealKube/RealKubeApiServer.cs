using System.Globalization;
using CertOperator.Testing.Processes;

namespace CertOperator.Testing.RealKube;

/// <summary>
/// A real Kubernetes 1.24 control plane (etcd, kube-apiserver, kube-controller-manager) started by
/// the shared start.sh in a fresh folder on free ports, with our CRDs and config/rbac installed.
/// Dispose stops it with stop.sh and deletes the folder.
/// </summary>
public sealed class RealKubeApiServer : IAsyncDisposable
{
    /// <summary>The ServiceAccount config/rbac binds; operator.kubeconfig authenticates as it.</summary>
    public const string OperatorNamespace = "certoperator-system";
    public const string OperatorServiceAccount = "certoperator";

    private readonly string _controlPlaneFolder;

    private RealKubeApiServer(string controlPlaneFolder, string baseFolder, int apiPort)
    {
        _controlPlaneFolder = controlPlaneFolder;
        BaseFolder = baseFolder;
        ApiPort = apiPort;
    }

    /// <summary>start.sh's BASE: etcd data, PKI, logs, kubeconfigs.</summary>
    public string BaseFolder { get; }

    public int ApiPort { get; }

    /// <summary>User admin in group system:masters.</summary>
    public string AdminKubeconfig => Path.Combine(BaseFolder, "kubeconfig");

    /// <summary>system:serviceaccount:certoperator-system:certoperator, allowed only what RBAC grants.</summary>
    public string OperatorKubeconfig => Path.Combine(BaseFolder, "operator.kubeconfig");

    public string ApiServerLog => Path.Combine(BaseFolder, "kube-apiserver.log");

    public static async Task<RealKubeApiServer> StartAsync(CancellationToken cancellationToken)
    {
        var folder = ControlPlaneFolder.Locate();
        var binaries = await KubeBinaries.EnsureUnpackedAsync(folder, cancellationToken).ConfigureAwait(false);
        var server = new RealKubeApiServer(folder, Directory.CreateTempSubdirectory("certoperator-kube-").FullName, FreePort.Next());
        StopOnExit.Add(server);
        try
        {
            await server.RunStartScriptAsync(binaries, cancellationToken).ConfigureAwait(false);
            await OperatorInstallation.ApplyAsync(server, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs kubectl as admin; throws with kubectl's output when it fails.</summary>
    public async Task<string> KubectlAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var result = await ExternalCommand.RunAsync(
            "kubectl", ["--kubeconfig", AdminKubeconfig, "--cache-dir", Path.Combine(BaseFolder, "kubectl-cache"), .. args], ct: cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.StdOut
            : throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed (exit {result.ExitCode}):\n{result.StdErr}{result.StdOut}");
    }

    /// <summary>The sum of <c>apiserver_request_total</c> over the series <paramref name="filter"/> selects, read now from /metrics.</summary>
    public async Task<long> CountRequestsAsync(ApiRequestFilter filter, CancellationToken cancellationToken)
    {
        var metrics = await KubectlAsync(["get", "--raw", "/metrics"], cancellationToken).ConfigureAwait(false);
        return ApiServerMetrics.SumRequests(metrics, filter);
    }

    public async ValueTask DisposeAsync()
    {
        await ExternalCommand.RunAsync(StopScript, [], timeout: TimeSpan.FromMinutes(1), environment: StopEnvironment).ConfigureAwait(false);
        StopOnExit.Remove(this);
        Directory.Delete(BaseFolder, recursive: true);
    }

    private string StopScript => Path.Combine(_controlPlaneFolder, "stop.sh");

    private Dictionary<string, string> StopEnvironment => new() { ["BASE"] = BaseFolder };

    private async Task RunStartScriptAsync(string binaries, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["BASE"] = BaseFolder,
            ["KAPI"] = binaries,
            ["RESET"] = "1",
            ["API_PORT"] = Port(ApiPort),
            ["ETCD_PORT"] = Port(FreePort.Next()),
            ["ETCD_PEER_PORT"] = Port(FreePort.Next()),
            ["KCM_PORT"] = Port(FreePort.Next()),
            ["OPERATOR_SA"] = $"{OperatorNamespace}:{OperatorServiceAccount}",
        };
        var result = await ExternalCommand.RunAsync(
            Path.Combine(_controlPlaneFolder, "start.sh"), [], timeout: TimeSpan.FromMinutes(4), environment: environment, ct: cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"start.sh (BASE={BaseFolder}) failed with exit {result.ExitCode}:\n{result.StdErr}{result.StdOut}");
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Safety net for a test host that exits without disposing: no etcd or kube-apiserver outlives it.</summary>
    private static class StopOnExit
    {
        private static readonly HashSet<RealKubeApiServer> Running = [];

        static StopOnExit() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

        public static void Add(RealKubeApiServer server)
        {
            lock (Running)
            {
                Running.Add(server);
            }
        }

        public static void Remove(RealKubeApiServer server)
        {
            lock (Running)
            {
                Running.Remove(server);
            }
        }

        private static void StopAll()
        {
            lock (Running)
            {
                foreach (var server in Running)
                {
                    using var stop = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(server.StopScript)
                    {
                        Environment = { ["BASE"] = server.BaseFolder },
                    });
                    stop?.WaitForExit(TimeSpan.FromSeconds(30));
                }
            }
        }
    }
}
