using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Testing;
using CertOperator.Tests.EndToEnd.ControlPlanes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// A control plane with our CRDs (here the test API server; <see cref="RealOperatorEnvironment"/> runs
/// kube-apiserver), the operator as a separate process, and the real kubectl: what a user has after
/// installing CertOperator.
/// </summary>
public class OperatorEnvironment : IAsyncLifetime
{
    public const string ClusterResourceNamespace = "cert-manager";

    private readonly string _dir = Directory.CreateTempSubdirectory("certoperator-e2e-").FullName;
    private readonly StringBuilder _killedOperatorsOutput = new();

    public IControlPlane ControlPlane { get; private set; } = null!;

    public OperatorProcess Operator { get; private set; } = null!;

    /// <summary>kubectl's kubeconfig (admin); the operator may run with another identity.</summary>
    public string Kubeconfig => ControlPlane.AdminKubeconfig;

    /// <summary>Everything every operator process of this environment logged, including ones killed by a test.</summary>
    public string OperatorLog => _killedOperatorsOutput + Operator.Output;

    /// <summary>The operator's --metrics-listen-address; off unless a test scrapes it (operators of parallel tests would share a port).</summary>
    public string MetricsListenAddress { get; init; } = "0";

    /// <summary>Further `run` flags, e.g. where DNS-01 and HTTP-01 self-checks look.</summary>
    public IReadOnlyList<string> ExtraOperatorArgs { get; init; } = [];

    /// <summary>Directories of CRD YAML `kubectl create`d before the operator starts, e.g. the Gateway API's.</summary>
    public IReadOnlyList<string> PreinstalledCrds { get; init; } = [];

    public async Task InitializeAsync()
    {
        ControlPlane = await StartControlPlaneAsync(_dir);
        await KubectlAsync("create", "namespace", ClusterResourceNamespace);
        foreach (var crds in PreinstalledCrds)
        {
            await KubectlAsync("create", "-f", crds);
        }

        StartOperator();
    }

    protected virtual async Task<IControlPlane> StartControlPlaneAsync(string folder) => await TestApiControlPlane.StartAsync(folder);

    public void StartOperator() => Operator = OperatorProcess.Start(
        ControlPlane.OperatorKubeconfig,
        [
            "--internal-healthz-listen-address", "0", "--metrics-listen-address", MetricsListenAddress,
            "--leader-election-namespace", ControlPlane.LeaderElectionNamespace,
            "--cluster-resource-namespace", ClusterResourceNamespace,
            // client-go's timings instead of cert-manager's 60s/40s/15s, so a restarted operator takes over within seconds.
            "--leader-election-lease-duration", "15s", "--leader-election-renew-deadline", "10s", "--leader-election-retry-period", "2s",
            .. ExtraOperatorArgs,
        ]);

    public async Task RestartOperatorAfterKillAsync()
    {
        await Operator.KillAsync();
        _killedOperatorsOutput.AppendLine(Operator.Output).AppendLine("--- operator killed (SIGKILL) and started again ---");
        await Operator.DisposeAsync();
        StartOperator();
    }

    /// <summary>Runs kubectl against the server; fails the test with kubectl's output and the operator's log when it fails.</summary>
    public async Task<string> KubectlAsync(params string[] args)
    {
        var result = await ExternalCommand.RunAsync("kubectl", ["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache"), .. args]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed:\n{result.StdErr}\n--- operator log ---\n{Operator?.Output}");
        }

        return result.StdOut;
    }

    /// <summary>`kubectl apply` whose failure is an expected outcome: returns kubectl's exit code and output instead of throwing.</summary>
    public async Task<ExternalCommand.Result> TryApplyAsync(string yaml)
    {
        var file = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return await ExternalCommand.RunAsync("kubectl", ["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache"), "apply", "-f", file]);
    }

    public async Task ApplyAsync(string yaml)
    {
        var file = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        await KubectlAsync("apply", "-f", file);
    }

    public async Task<JsonNode> GetJsonAsync(string resource, string name, string ns = "default") =>
        JsonNode.Parse(await KubectlAsync("get", resource, name, "-n", ns, "-o", "json"))!;

    /// <summary>Waits with `kubectl wait` for a condition; the failure message carries the object and the operator log.</summary>
    public async Task WaitForConditionAsync(string resource, string name, string ns = "default", string condition = "Ready", int timeoutSeconds = 60)
    {
        var result = await ExternalCommand.RunAsync("kubectl",
            ["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache"), "wait", $"--for=condition={condition}", $"{resource}/{name}", "-n", ns, $"--timeout={timeoutSeconds}s"],
            timeout: TimeSpan.FromSeconds(timeoutSeconds + 30));
        if (result.ExitCode != 0)
        {
            var state = await ExternalCommand.RunAsync("kubectl", ["--kubeconfig", Kubeconfig, "get", resource, name, "-n", ns, "-o", "yaml"]);
            throw new TimeoutException($"{resource}/{name} did not become {condition}: {result.StdErr}\n{state.StdOut}\n--- operator log ---\n{Operator.Output}");
        }
    }

    /// <summary>Polls a read until it satisfies <paramref name="done"/>; for states no condition expresses (e.g. a revision count).</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}; last value: {value}\n--- operator log ---\n{Operator.Output}");
            }

            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        // Also after a failed InitializeAsync: whatever did start is stopped.
        if (Operator is not null)
        {
            await Operator.DisposeAsync();
        }

        if (ControlPlane is not null)
        {
            await ControlPlane.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }
}
