using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Tests.Integration;

/// <summary>What /livez and /readyz are computed from, against the test API server.</summary>
public sealed class HealthTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    private sealed class Nothing : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => Task.FromResult(ReconcileResult.Done);
    }

    [Fact]
    public async Task An_empty_namespace_syncs_the_metadata_only_secret_cache_and_the_manager_becomes_ready()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var informers = new SharedInformerFactory(fixture.Cluster.Client, ns);
        var definition = ControllerBuilder.For<ConfigMap>().Owns<Secret>(metadataOnly: true).WithConcurrency(3).Build(new Nothing());
        using var manager = new ControllerManager(fixture.Cluster.Client, informers, [definition]);

        manager.ReadinessChecks().Should().Contain(c => !c.Ok, "nothing has listed before the start");
        await manager.StartAsync(CancellationToken.None);
        await Eventually.True(() => manager.ReadinessChecks().All(c => c.Ok), "an empty list (items: null) still syncs");

        manager.ReadinessChecks().Should().Contain(c => c.Name == "informer secrets (metadata)" && c.Detail == "synced");
        manager.ReadinessChecks().Should().Contain(c => c.Name == "workers" && c.Detail == "leading, all workers running");
        manager.LivenessChecks().Should().OnlyContain(c => c.Ok);
        await manager.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_informer_that_cannot_list_keeps_the_manager_unready_names_the_cause_and_stays_alive()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var informers = new SharedInformerFactory(fixture.Cluster.Client, ns);
        informers.GetMetadataInformer(new ResourceType("demo.example.com", "v1", "Widget", "widgets", Namespaced: true));
        using var manager = new ControllerManager(fixture.Cluster.Client, informers, []);

        await manager.StartAsync(CancellationToken.None);
        await Eventually.True(() => manager.ReadinessChecks().Any(c => c.Detail.StartsWith("failing since", StringComparison.Ordinal)), "the list failure is reported");

        var widgets = manager.ReadinessChecks().Single(c => c.Name == "informer widgets (metadata)");
        widgets.Ok.Should().BeFalse();
        widgets.Detail.Should().Contain("KubernetesApiException").And.Contain("attempts");
        widgets.ToString().Should().StartWith("[-]informer widgets (metadata) failing since");
        manager.LivenessChecks().Should().OnlyContain(c => c.Ok, "the informer retries; its loop is alive");
        await manager.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_informer_whose_loop_dies_makes_the_manager_unready_at_once_not_after_the_staleness_limit()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        // A logger that throws turns the informer's first list failure into the death of its loop.
        var informers = new SharedInformerFactory(fixture.Cluster.Client, ns, loggerFactory: new ThrowingLoggers());
        informers.GetMetadataInformer(new ResourceType("demo.example.com", "v1", "Widget", "widgets", Namespaced: true));
        using var manager = new ControllerManager(fixture.Cluster.Client, informers, []);

        await manager.StartAsync(CancellationToken.None);
        await Eventually.True(() => manager.LivenessChecks().Any(c => !c.Ok), "the informer loop dies");

        var widgets = manager.ReadinessChecks().Single(c => c.Name == "informer widgets (metadata)");
        widgets.Ok.Should().BeFalse("a dead loop never refreshes its cache, however recently it listed");
        widgets.Detail.Should().StartWith("loop ended");
        await manager.StopAsync(CancellationToken.None);
    }

    private sealed class ThrowingLoggers : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new Throwing();

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Throwing : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                throw new InvalidOperationException("logger bug");
        }
    }
}
