using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Hosting;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertOperator.Kubernetes.Tests.Hosting;

public sealed class ServiceCollectionExtensionsTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    [Fact]
    public async Task A_host_runs_registered_controllers_with_the_shared_client_informers_and_recorder()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services
            .AddKubernetesClient(_ => fixture.Cluster.Configuration)
            .AddEventRecorder("test-operator")
            .AddController<RecordingReconciler>(r => ControllerBuilder.For<ConfigMap>().Build(r))
            .AddControllerManager();
        using var host = builder.Build();

        await host.StartAsync();
        await fixture.Cluster.Client.CreateAsync(Gen.ConfigMap("hello", ns));
        await Eventually.TrueAsync(
            async () => (await fixture.Cluster.Client.ListAllAsync<KubeEvent>(ns)).Items.Any(e => e.Reason == "Reconciled"), "the reconciler records an event");
        await host.StopAsync();

        host.Services.GetRequiredService<SharedInformerFactory>().Should().BeSameAs(host.Services.GetRequiredService<RecordingReconciler>().Informers);
    }

    private sealed class RecordingReconciler(SharedInformerFactory informers, EventRecorder recorder) : IReconciler
    {
        public SharedInformerFactory Informers => informers;

        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            if (informers.GetInformer<ConfigMap>().Store.Find(key) is { } configMap)
            {
                await recorder.RecordAsync(configMap, EventType.Normal, "Reconciled", $"saw {key}", ct);
            }

            return ReconcileResult.Done;
        }
    }
}
