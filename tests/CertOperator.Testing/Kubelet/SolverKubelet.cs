using System.Text.Json.Nodes;
using System.Collections.Concurrent;
using System.Globalization;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing.Processes;

namespace CertOperator.Testing.Kubelet;

/// <summary>
/// Plays kubelet and ingress controller for HTTP-01 solver pods when there is no cluster: each Pod labelled
/// `acme.cert-manager.io/http01-solver=true` becomes a real `CertOperator.dll acmesolver` process on a free
/// port (killed when the Pod goes), and a front server on one port routes challenge paths to them: by token, or, with
/// <see cref="SolverRouting.ByRoute"/>, only through an Ingress or an HTTPRoute (attached to an existing Gateway) for
/// the request's host and path whose backend Service selects the solver Pod, as a real controller would.
/// </summary>
public sealed class SolverKubelet : IAsyncDisposable
{
    private const string SolverSelector = "acme.cert-manager.io/http01-solver=true";
    private readonly KubernetesClient _client;
    private readonly string _certOperatorDll;
    private readonly ConcurrentDictionary<string, SolverProcess> _solvers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private SolverFront? _front;
    private Task _watchLoop = Task.CompletedTask;

    private readonly SolverRouting _routing;

    private SolverKubelet(KubernetesClientConfiguration configuration, string certOperatorDll, int frontPort, SolverRouting routing)
    {
        _client = new KubernetesClient(configuration);
        _certOperatorDll = certOperatorDll;
        FrontPort = frontPort;
        _routing = routing;
    }

    /// <summary>The port the front server (the "ingress controller") listens on, all interfaces.</summary>
    public int FrontPort { get; }

    /// <summary>Solver processes currently alive.</summary>
    public int RunningSolvers => _solvers.Values.Count(s => !s.Process.HasExited);

    /// <summary>Tokens currently routed to a started solver.</summary>
    public IReadOnlyCollection<string> Tokens => [.. _solvers.Values.Select(s => s.Token)];

    /// <summary>What the solver processes wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _solvers.Select(s => $"--- {s.Key} ---\n{s.Value.Process.Output}"));

    public static async Task<SolverKubelet> StartAsync(
        KubernetesClientConfiguration configuration, string certOperatorDll, int frontPort, CancellationToken cancellationToken, SolverRouting routing = SolverRouting.ByToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!File.Exists(certOperatorDll))
        {
            throw new FileNotFoundException("CertOperator.dll not found", certOperatorDll);
        }

        var kubelet = new SolverKubelet(configuration, certOperatorDll, frontPort, routing);
        kubelet._front = await SolverFront.StartAsync(frontPort, kubelet.PortForAsync, cancellationToken).ConfigureAwait(false);
        kubelet._watchLoop = Task.Run(() => kubelet.WatchAsync(kubelet._stopping.Token), CancellationToken.None);
        return kubelet;
    }

    public static Task<SolverKubelet> StartAsync(
        string kubeconfigPath, string certOperatorDll, int frontPort, CancellationToken cancellationToken, SolverRouting routing = SolverRouting.ByToken) =>
        StartAsync(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [kubeconfigPath] }), certOperatorDll, frontPort, cancellationToken, routing);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _watchLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (_front is not null)
        {
            await _front.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var key in _solvers.Keys)
        {
            await StopAsync(key).ConfigureAwait(false);
        }

        _client.Dispose();
        _stopping.Dispose();
    }

    private async Task<int?> PortForAsync(string host, string token, CancellationToken ct)
    {
        foreach (var solver in _solvers.Values.Where(s => s.Token == token && !s.Process.HasExited))
        {
            if (_routing == SolverRouting.ByToken || await RoutedAsync(solver, host, "/.well-known/acme-challenge/" + token, ct).ConfigureAwait(false))
            {
                return solver.Port;
            }
        }

        return null;
    }

    /// <summary>Whether an Ingress or an attached HTTPRoute in the solver's namespace sends host and path to a Service selecting it.</summary>
    private async Task<bool> RoutedAsync(SolverProcess solver, string host, string path, CancellationToken ct)
    {
        var services = (await _client.ListAsync<Service>(solver.Namespace, ct: ct).ConfigureAwait(false)).Items
            .Where(s => SolverRoutes.Selects(s, solver.Labels)).Select(s => s.Metadata.Name!).ToList();
        var ingresses = (await _client.ListAsync<Ingress>(solver.Namespace, ct: ct).ConfigureAwait(false)).Items;
        if (ingresses.Any(i => services.Any(s => SolverRoutes.IngressServes(i, host, path, s))))
        {
            return true;
        }

        foreach (var route in (await _client.ListAsync<HttpRoute>(solver.Namespace, ct: ct).ConfigureAwait(false)).Items.Where(r => services.Any(s => SolverRoutes.HttpRouteServes(r, host, path, s))))
        {
            foreach (var parent in route.Spec.ParentRefs ?? [])
            {
                if (await _client.TryGetAsync<Gateway>(parent.Namespace ?? solver.Namespace, parent.Name, ct).ConfigureAwait(false) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>List, then watch from the list's resourceVersion; relist after the watch expires or ends.</summary>
    private async Task WatchAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var list = await _client.ListAsync<Pod>(null, new ListOptions { LabelSelector = SolverSelector }, ct).ConfigureAwait(false);
                await SyncAsync(list.Items, ct).ConfigureAwait(false);
                var options = new WatchOptions { LabelSelector = SolverSelector, ResourceVersion = list.Metadata?.ResourceVersion };
                await foreach (var change in _client.WatchAsync<Pod>(null, options, ct).ConfigureAwait(false))
                {
                    await HandleAsync(change, ct).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException && !ct.IsCancellationRequested)
            {
                await Task.Delay(200, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task SyncAsync(IReadOnlyCollection<Pod> pods, CancellationToken ct)
    {
        var live = pods.Where(p => p.Metadata.DeletionTimestamp is null).ToDictionary(Key, StringComparer.Ordinal);
        foreach (var gone in _solvers.Keys.Where(k => !live.ContainsKey(k)))
        {
            await StopAsync(gone).ConfigureAwait(false);
        }

        foreach (var pod in live.Values)
        {
            await EnsureStartedAsync(pod, ct).ConfigureAwait(false);
        }
    }

    private Task HandleAsync(WatchEvent<Pod> change, CancellationToken ct) => change.Type switch
    {
        WatchEventType.Added or WatchEventType.Modified when change.Item.Metadata.DeletionTimestamp is null => EnsureStartedAsync(change.Item, ct),
        WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted => StopAsync(Key(change.Item)),
        _ => Task.CompletedTask,
    };

    private async Task EnsureStartedAsync(Pod pod, CancellationToken ct)
    {
        var key = Key(pod);
        if (_solvers.ContainsKey(key) || SolverArgs(pod) is not { } args)
        {
            return;
        }

        var port = FreePort.Next();
        var (fileName, arguments) = OperatorCommand.For(_certOperatorDll, WithListenPort(args, port));
        var process = ManagedProcess.Start(fileName, arguments);
        var solver = new SolverProcess(TokenOf(args), port, process, pod.Metadata.NamespaceProperty ?? "", pod.Metadata.Labels.OrEmpty());
        try
        {
            await FreePort.WaitForListenerAsync(port, TimeSpan.FromSeconds(30), () => process.HasExited, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Keep the exited process registered: its output explains why, and RunningSolvers does not count it.
        }

        _solvers[key] = solver;
    }

    private async Task StopAsync(string key)
    {
        if (_solvers.TryRemove(key, out var solver))
        {
            await solver.Process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Key(Pod pod) => $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}";

    /// <summary>The first container's args, with the `acmesolver` verb first.</summary>
    private static List<string>? SolverArgs(Pod pod)
    {
        if (pod.Spec?["containers"] is not JsonArray { Count: > 0 } containers || containers[0]?["args"] is not JsonArray args)
        {
            return null;
        }

        var values = args.Select(a => a!.GetValue<string>()).ToList();
        return values.FirstOrDefault() == "acmesolver" ? values : ["acmesolver", .. values];
    }

    /// <summary>Replaces `--listen-port=N` or `--listen-port N` (or adds it) so solvers do not collide on the host.</summary>
    public static IReadOnlyList<string> WithListenPort(IReadOnlyList<string> args, int port)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--listen-port")
            {
                i++;
            }
            else if (!args[i].StartsWith("--listen-port=", StringComparison.Ordinal))
            {
                result.Add(args[i]);
            }
        }

        result.Add($"--listen-port={port.ToString(CultureInfo.InvariantCulture)}");
        return result;
    }

    private static string TokenOf(List<string> args)
    {
        var index = args.FindIndex(a => a == "--token" || a.StartsWith("--token=", StringComparison.Ordinal));
        return index < 0 ? "" : args[index] == "--token" ? args.ElementAtOrDefault(index + 1) ?? "" : args[index]["--token=".Length..];
    }

    private sealed record SolverProcess(string Token, int Port, ManagedProcess Process, string Namespace, IReadOnlyDictionary<string, string> Labels);
}
