using System.Collections.Concurrent;
using CertOperator.Hosting;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Controllers;
using CertOperator.TestApiServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Tests.Hosting;

/// <summary>
/// The operator's real wiring (<see cref="OperatorHost.AddOperator"/>: every controller, queue and informer) hosted
/// in the test process on a clock the test controls, without leader election, against a test API server.
/// </summary>
internal sealed class InProcessOperator : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessOperator(IHost host, LogSink log)
    {
        _host = host;
        Log = log;
    }

    public LogSink Log { get; }

    public ControllerManager Manager => Service<ControllerManager>();

    /// <summary>One of the operator's services, for a test that asserts what it holds.</summary>
    public T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<InProcessOperator> StartAsync(
        KubeApiServer server, TimeProvider time, string clusterResourceNamespace, IReadOnlyDictionary<string, Uri>? dns01ProviderEndpoints = null)
    {
        var configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [server.KubeconfigPath] });
        var settings = new RunSettings
        {
            LeaderElect = false,
            LeaderElectionNamespace = "kube-system",
            ClusterResourceNamespace = clusterResourceNamespace,
            HealthListenAddress = null,
            MetricsListenAddress = null,
            // The client's token bucket refills on the injected clock, which stands still while the test waits:
            // a limit that is never reached keeps requests from waiting for the test to move time.
            KubeApiQps = 1_000_000,
            KubeApiBurst = 1_000_000,
            Dns01ProviderEndpoints = dns01ProviderEndpoints ?? new Dictionary<string, Uri>(),
        };
        var log = new LogSink();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(time);
        builder.Logging.AddProvider(log);
        builder.Services.AddOperator(settings, _ => configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessOperator(host, log);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Keeps every log line, so a test can assert the operator stayed quiet and show what it said when not.</summary>
    internal sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

        public int Count => _lines.Count;

        public IReadOnlyList<string> Lines(LogLevel atLeast = LogLevel.Trace) =>
            [.. _lines.Where(l => l.Level >= atLeast).Select(l => l.Line)];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink._lines.Enqueue((logLevel, $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $" {exception}")}"));
                }
            }
        }
    }
}
