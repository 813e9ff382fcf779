using CertOperator.Kubernetes.Client;
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
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    public ControllerManager(
        KubernetesClient client,
        SharedInformerFactory informers,
        IEnumerable<ControllerDefinition> controllers,
        LeaderElectionOptions? leaderElection = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _informers = informers;
        _definitions = [.. controllers];
        _leaderElection = leaderElection;
        _time = timeProvider ?? client.Time;
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<ControllerManager>();
    }

    /// <summary>The elector, once running with leader election configured; null otherwise.</summary>
    public LeaderElector? Elector { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var controllers = _definitions.Select(d => d.Create(_informers, _time, _loggers)).ToList();
        try
        {
            _informers.Start();
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
        await Task.WhenAll(controllers.Select(c => c.RunWorkersAsync(ct))).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caches synced; starting workers for {Count} controllers")]
    private static partial void LogWorkersStarting(ILogger logger, int count);
}
