using System.Collections.Concurrent;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.LeaderElection;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class ControllerManagerTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    private KubernetesClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task Owned_and_indexed_related_objects_wake_their_primary()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await using var manager = Manager(ns, "one", out var reconciler, out _);
        await manager.StartAsync(CancellationToken.None);

        await Client.CreateAsync(Gen.ConfigMap("app", ns));
        await Eventually.True(() => reconciler.Secrets.Contains("app-owned"), "the reconciler creates the owned secret");
        await Client.DeleteAsync<Secret>(ns, "app-owned");
        await Eventually.True(() => reconciler.Runs("app") >= 2 && reconciler.Secrets.Count(s => s == "app-owned") == 2, "deleting the owned secret wakes the owner");

        await Client.CreateAsync(Gen.ConfigMap("consumer", ns, new() { ["secretName"] = "external" }));
        await Eventually.True(() => reconciler.Runs("consumer") >= 1, "the consumer is reconciled");
        var before = reconciler.Runs("consumer");
        await Client.CreateAsync(Gen.Secret("external", ns));
        await Eventually.True(() => reconciler.Runs("consumer") > before, "a secret named in the index wakes its consumer");

        await manager.StopAsync(CancellationToken.None);
        (await Client.GetAsync<Lease>(ns, "controllers")).Spec.HolderIdentity.Should().BeNull("the lease is released on shutdown");
    }

    [Fact]
    public async Task A_standby_manager_syncs_caches_but_runs_no_workers_until_it_leads()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await Client.CreateAsync(Gen.ConfigMap("app", ns));
        await using var leader = Manager(ns, "leader", out var leading, out _);
        await leader.StartAsync(CancellationToken.None);
        await Eventually.True(() => leading.Runs("app") >= 1, "the leader reconciles");
        await using var standby = Manager(ns, "standby", out var waiting, out var standbyInformers);
        await standby.StartAsync(CancellationToken.None);

        await standbyInformers.WaitForSyncAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        waiting.Runs("app").Should().Be(0, "workers wait for leadership");

        await leader.StopAsync(CancellationToken.None);
        await Eventually.True(() => waiting.Runs("app") >= 1, "the standby takes over and reconciles what its cache already holds");
        await standby.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_leader_election_a_custom_map_function_wakes_the_keys_it_returns()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var informers = new SharedInformerFactory(Client, ns);
        var woken = new ConcurrentQueue<ObjectKey>();
        var reconciler = new LambdaReconciler(key =>
        {
            woken.Enqueue(key);
            return ReconcileResult.Done;
        });
        var definition = ControllerBuilder.For<ConfigMap>()
            .Watches<Secret>(s => s.Metadata.Labels?.TryGetValue("wakes", out var target) == true ? [new ObjectKey(s.Metadata.NamespaceProperty, target)] : [])
            .Build(reconciler);
        await using var manager = new ManagerScope(new ControllerManager(Client, informers, [definition]));
        await manager.StartAsync(CancellationToken.None);

        var secret = Gen.Secret("trigger", ns);
        secret.Metadata.Labels = new Dictionary<string, string>() { ["wakes"] = "some-configmap" };
        await Client.CreateAsync(secret);
        await Eventually.True(() => woken.Contains(new ObjectKey(ns, "some-configmap")), "the mapped key is reconciled even though no such ConfigMap exists");
    }

    [Fact]
    public async Task A_Secrets_metadata_wakes_the_primaries_whose_index_holds_a_value_derived_from_it()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var informers = new SharedInformerFactory(Client, ns);
        var woken = new ConcurrentQueue<ObjectKey>();
        var reconciler = new LambdaReconciler(key =>
        {
            woken.Enqueue(key);
            return ReconcileResult.Done;
        });
        var definition = ControllerBuilder.For<ConfigMap>()
            .WithIndex("owner", c => c.Data?.TryGetValue("owner", out var owner) == true ? [$"{c.Metadata.NamespaceProperty}/{owner}"] : [])
            .WatchesMetadataByIndex<Secret>("owner", s => s.Metadata.Annotations?.TryGetValue("owner", out var owner) == true ? [$"{s.Metadata.NamespaceProperty}/{owner}"] : [])
            .Build(reconciler);
        await using var manager = new ManagerScope(new ControllerManager(Client, informers, [definition]));
        await manager.StartAsync(CancellationToken.None);
        await Client.CreateAsync(Gen.ConfigMap("consumer", ns, new() { ["owner"] = "team-a" }));
        await Client.CreateAsync(Gen.ConfigMap("bystander", ns, new() { ["owner"] = "team-b" }));
        await Eventually.True(() => woken.Contains(new ObjectKey(ns, "consumer")) && woken.Contains(new ObjectKey(ns, "bystander")), "both ConfigMaps are reconciled once");
        woken.Clear();

        var secret = Gen.Secret("any-name", ns);
        secret.Metadata.Annotations = new Dictionary<string, string>() { ["owner"] = "team-a" };
        await Client.CreateAsync(secret);

        await Eventually.True(() => woken.Contains(new ObjectKey(ns, "consumer")), "the Secret's annotation names the consumer's index value");
        woken.Should().NotContain(new ObjectKey(ns, "bystander"));
    }

    private sealed class LambdaReconciler(Func<ObjectKey, ReconcileResult> body) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => Task.FromResult(body(key));
    }

    private ManagerScope Manager(string ns, string identity, out SecretReconciler reconciler, out SharedInformerFactory informers)
    {
        informers = new SharedInformerFactory(Client, ns);
        reconciler = new SecretReconciler(Client, informers);
        var definition = ControllerBuilder.For<ConfigMap>()
            .Owns<Secret>(metadataOnly: true)
            .WithIndex("secretName", c => c.Data?.TryGetValue("secretName", out var s) == true ? [$"{c.Metadata.NamespaceProperty}/{s}"] : [])
            .WatchesByIndex<Secret>("secretName")
            .WithConcurrency(2)
            .Build(reconciler);
        var election = new LeaderElectionOptions
        {
            LeaseName = "controllers",
            LeaseNamespace = ns,
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1.5),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        return new ManagerScope(new ControllerManager(Client, informers, [definition], election));
    }

    /// <summary>Ensures "&lt;name&gt;-owned" exists for every ConfigMap without a secretName; reads from the shared cache.</summary>
    private sealed class SecretReconciler(KubernetesClient client, SharedInformerFactory informers) : IReconciler
    {
        private readonly ConcurrentDictionary<string, int> _runs = new();

        public ConcurrentQueue<string> Secrets { get; } = new();

        public int Runs(string name) => _runs.GetValueOrDefault(name);

        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            _runs.AddOrUpdate(key.Name, 1, (_, n) => n + 1);
            var owner = informers.GetInformer<ConfigMap>().Store.Find(key);
            if (owner is null || owner.Data?.ContainsKey("secretName") == true)
            {
                return ReconcileResult.Done;
            }

            var name = $"{key.Name}-owned";
            if (informers.GetMetadataInformer<Secret>().Store.Find(new ObjectKey(key.Namespace, name)) is not null
                || await client.TryGetAsync<Secret>(key.Namespace, name, ct) is not null)
            {
                return ReconcileResult.Done;
            }

            var secret = Gen.Secret(name, key.Namespace!);
            secret.Metadata.OwnerReferences =
                [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = key.Name, Uid = owner.Metadata.Uid!, Controller = true }];
            await client.CreateAsync(secret, ct);
            Secrets.Enqueue(name);
            return ReconcileResult.Done;
        }
    }

    private sealed class ManagerScope(ControllerManager manager) : IAsyncDisposable
    {
        public Task StartAsync(CancellationToken ct) => manager.StartAsync(ct);

        public Task StopAsync(CancellationToken ct) => manager.StopAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await manager.StopAsync(CancellationToken.None);
            manager.Dispose();
        }
    }
}
