using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Health;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.LeaderElection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// Runs controllers: wires them to shared informers, starts the informers at once (caches warm up before
/// leadership), and runs the workers only while this process holds the leader lease.
/// </summary>
public sealed partial class ControllerManager : BackgroundService
{
    private readonly KubernetesClient _client;
    private readonly SharedInformerFactory _informers;
    private readonly IReadOnlyList<ControllerDefinition> _definitions;
    private readonly LeaderElectionOptions? _leaderElection;
    private readonly TimeProvider _time;
    private readonly IReconcileObserver? _observer;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private volatile IReadOnlyList<Controller> _controllers = [];
    private volatile bool _leading;
    private volatile bool _started;

    public ControllerManager(
        KubernetesClient client,
        SharedInformerFactory informers,
        IEnumerable<ControllerDefinition> controllers,
        LeaderElectionOptions? leaderElection = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IReconcileObserver? reconcileObserver = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _informers = informers;
        _definitions = [.. controllers];
        _leaderElection = leaderElection;
        _time = timeProvider ?? client.Time;
        _observer = reconcileObserver;
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<ControllerManager>();
    }

    /// <summary>The elector, once running with leader election configured; null otherwise.</summary>
    public LeaderElector? Elector { get; private set; }

    /// <summary>
    /// No controller has a key queued or being reconciled; keys waiting on a timer do not count. A test that moves a
    /// fake clock waits for this first: a reconcile still running would see its API calls time out.
    /// </summary>
    public bool IsIdle => _controllers.All(c => c.Queue.IsIdle);

    /// <summary>How long an informer may fail to list before /readyz says its cache is stale.</summary>
    public static TimeSpan StaleCacheAfter { get; } = TimeSpan.FromMinutes(2);

    /// <summary>/livez: the manager loop, every informer loop and every worker are alive.</summary>
    public IReadOnlyList<HealthCheck> LivenessChecks()
    {
        var stopped = ExecuteTask is { IsCompleted: true } task
            ? new HealthCheck("controller-manager", false, $"stopped ({task.Status}: {task.Exception?.GetBaseException().Message ?? "no error"})")
            : new HealthCheck("controller-manager", true, ExecuteTask is null ? "not started" : "running");
        return [stopped, .. _informers.LivenessChecks(), .. _controllers.Select(c => new HealthCheck(
            $"controller {c.Name}", c.DiedWorkers == 0, c.DiedWorkers == 0 ? "workers alive" : $"{c.DiedWorkers} workers died on an unexpected exception (see the log)"))];
    }

    /// <summary>/readyz: caches synced and fresh, and either leading with every worker running or a standby waiting for the lease.</summary>
    public IReadOnlyList<HealthCheck> ReadinessChecks()
    {
        var missing = _controllers.Where(c => c.Workers < c.Concurrency).Select(c => $"{c.Name} {c.Workers}/{c.Concurrency}").ToList();
        var role = (_started, _leading, _leaderElection) switch
        {
            (false, _, _) => new HealthCheck("workers", false, "not started"),
            (true, false, null) => new HealthCheck("workers", false, "waiting for caches to sync"),
            (true, false, _) => new HealthCheck("workers", true, "standby, waiting for the leader lease"),
            _ when missing.Count > 0 => new HealthCheck("workers", false, $"leading, but workers are missing: {string.Join(", ", missing)}"),
            _ => new HealthCheck("workers", true, "leading, all workers running"),
        };
        return [.. _informers.ReadinessChecks(StaleCacheAfter), role];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var controllers = _definitions.Select(d => d.Create(_informers, _time, _observer, _loggers)).ToList();
        _controllers = controllers;
        try
        {
            _informers.Start();
            _started = true;
            if (_leaderElection is null)
            {
                await LeadAsync(controllers, stoppingToken).ConfigureAwait(false);
                return;
            }

            Elector = new LeaderElector(_client, _leaderElection, _time, _loggers.CreateLogger<LeaderElector>());
            await Elector.RunAsync(ct => LeadAsync(controllers, ct), stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var controller in controllers)
            {
                controller.Dispose();
            }

            await _informers.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task LeadAsync(List<Controller> controllers, CancellationToken ct)
    {
        try
        {
            await _informers.WaitForSyncAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogWorkersStarting(_logger, controllers.Count);
        _leading = true;
        try
        {
            await Task.WhenAll(controllers.Select(c => c.RunWorkersAsync(ct))).ConfigureAwait(false);
        }
        finally
        {
            _leading = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caches synced; starting workers for {Count} controllers")]
    private static partial void LogWorkersStarting(ILogger logger, int count);
}
