using System.Globalization;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Testing.Bind;
using CertOperator.Testing.Kubelet;
using CertOperator.Testing.Pebble;

namespace CertOperator.Demo;

/// <summary>
/// Everything the demo starts, and stops again: bind9 (RFC 2136 target that resolves every demo name to
/// 127.0.0.1), pebble (ACME test CA), the Kubernetes API test server, the operator, and a stand-in for
/// kubelet + ingress controller that runs HTTP-01 solver Pods locally.
/// </summary>
internal sealed class DemoStack : IAsyncDisposable
{
    public const string ClusterResourceNamespace = "cert-manager";

    private DemoStack(string directory) => Directory = directory;

    public string Directory { get; }

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    public BindServer Bind { get; private set; } = null!;

    public PebbleEnvironment Pebble { get; private set; } = null!;

    public KubeApiServer Server { get; private set; } = null!;

    public OperatorProcess Operator { get; private set; } = null!;

    public SolverKubelet Kubelet { get; private set; } = null!;

    public static async Task<DemoStack> StartAsync(string directory, Action<string> say, CancellationToken ct)
    {
        var stack = new DemoStack(directory);
        try
        {
            say("starting bind9 (zone example.test, TSIG key for dynamic updates)");
            stack.Bind = await BindServer.StartAsync(new BindOptions { Zone = "example.test" }, ct);
            say($"starting pebble (ACME test CA) resolving names through bind9 at {stack.Bind.Nameserver}");
            stack.Pebble = await PebbleEnvironment.StartAsync(o => o with { DnsServer = stack.Bind.Nameserver }, startResponder: false, ct);
            say("starting the Kubernetes API test server with the cert-manager CRDs");
            stack.Server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") }, ct);
            stack.Server.WriteKubeconfig(stack.Kubeconfig);
            await stack.KubectlAsync(ct, "create", "namespace", ClusterResourceNamespace);
            say("starting the operator");
            stack.Operator = OperatorProcess.Start(stack.Kubeconfig,
                "--internal-healthz-listen-address", "0", "--metrics-listen-address", "0", "--leader-election-namespace", "kube-system", "--cluster-resource-namespace", ClusterResourceNamespace,
                "--dns01-recursive-nameservers", stack.Bind.Nameserver,
                "--acme-http01-self-check-host", "127.0.0.1",
                "--acme-http01-self-check-port", stack.Pebble.HttpValidationPort.ToString(CultureInfo.InvariantCulture));
            stack.Kubelet = await SolverKubelet.StartAsync(stack.Kubeconfig, Path.Combine(AppContext.BaseDirectory, "CertOperator.dll"), stack.Pebble.HttpValidationPort, ct);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async Task<string> KubectlAsync(CancellationToken ct, params string[] args)
    {
        var result = await ExternalCommand.RunAsync("kubectl", ["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(Directory, "kube-cache"), .. args], ct: ct);
        return result.ExitCode == 0 ? result.StdOut : throw new InvalidOperationException($"kubectl {string.Join(' ', args)}: {result.StdErr}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Kubelet is not null)
        {
            await Kubelet.DisposeAsync();
        }

        if (Operator is not null)
        {
            await Operator.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Pebble is not null)
        {
            await Pebble.DisposeAsync();
        }

        if (Bind is not null)
        {
            await Bind.DisposeAsync();
        }
    }
}
