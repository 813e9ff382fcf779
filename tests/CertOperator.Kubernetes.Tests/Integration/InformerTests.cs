using System.Collections.Concurrent;
using System.Text.Json;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;
using CertOperator.TestApiServer;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class InformerTests
{
    [Fact]
    public async Task The_informer_lists_then_follows_changes_and_calls_handlers()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(Gen.ConfigMap("before", ns));
        await using var factory = new SharedInformerFactory(cluster.Client, ns);
        var informer = factory.GetInformer<ConfigMap>();
        var seen = new ConcurrentQueue<string>();
        informer.AddEventHandler(new InformerHandler<ConfigMap>
        {
            OnAdd = c => seen.Enqueue($"add {c.Metadata.Name}"),
            OnUpdate = (_, c) => seen.Enqueue($"update {c.Metadata.Name}"),
            OnDelete = c => seen.Enqueue($"delete {c.Metadata.Name}"),
        });

        factory.Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var after = await cluster.Client.CreateAsync(Gen.ConfigMap("after", ns));
        after.Data!["key"] = "changed";
        await cluster.Client.ReplaceAsync(after);
        await cluster.Client.DeleteAsync<ConfigMap>(ns, "before");
        await Eventually.True(() => seen.Count == 4, "four changes are delivered");

        informer.HasSynced.Should().BeTrue();
        seen.Should().Equal("add before", "add after", "update after", "delete before");
        informer.Store.List().Should().ContainSingle().Which.Data.Should().Contain("key", "changed");
        factory.GetInformer<ConfigMap>().Should().BeSameAs(informer, "informers are shared per kind");
    }

    [Fact]
    public async Task The_informer_resumes_its_watch_after_the_server_drops_all_connections()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ns = await cluster.NewNamespaceAsync();
        await using var factory = new SharedInformerFactory(cluster.Client, ns);
        var informer = (Informer<ConfigMap>)factory.GetInformer<ConfigMap>();
        factory.Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        await cluster.Client.CreateAsync(Gen.ConfigMap("a", ns));
        await Eventually.True(() => informer.Store.Count == 1, "the first object arrives");

        for (var round = 0; round < 3; round++)
        {
            cluster.Server.Faults.DropAllWatches();
            await cluster.Client.CreateAsync(Gen.ConfigMap($"after-drop-{round}", ns));
        }

        await Eventually.True(() => informer.Store.Count == 4, "objects created after the drops arrive");
        informer.ListCount.Should().Be(1, "a dropped watch resumes from its resourceVersion without relisting");
    }

    [Fact]
    public async Task The_informer_relists_after_410_and_ends_with_the_current_state()
    {
        await using var cluster = await TestCluster.StartAsync(new KubeApiServerOptions { WatchHistoryWindow = 5, BookmarkInterval = TimeSpan.FromHours(1) });
        var watched = await cluster.NewNamespaceAsync("watched");
        var noisy = await cluster.NewNamespaceAsync("noisy");
        await cluster.Client.CreateAsync(Gen.ConfigMap("keep", watched));
        await cluster.Client.CreateAsync(Gen.ConfigMap("doomed", watched));
        await using var factory = new SharedInformerFactory(cluster.Client, watched);
        var informer = (Informer<ConfigMap>)factory.GetInformer<ConfigMap>();
        var deleted = new ConcurrentQueue<string>();
        informer.AddEventHandler(new InformerHandler<ConfigMap> { OnDelete = c => deleted.Enqueue(c.Metadata.Name!) });
        factory.Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        await cluster.Client.CreateAsync(Gen.ConfigMap("marker", watched));
        await Eventually.True(() => informer.Store.Count == 3, "the watch is live");
        for (var i = 0; i < 10; i++)
        {
            await cluster.Client.CreateAsync(Gen.ConfigMap($"noise-{i}", noisy));
        }

        cluster.Server.Faults.DropAllWatches();
        await cluster.Client.DeleteAsync<ConfigMap>(watched, "doomed");
        await Eventually.True(() => informer.ListCount == 2, "the expired watch leads to a relist", TimeSpan.FromSeconds(15));
        await Eventually.True(() => informer.Store.Count == 2, "the object deleted around the relist is gone");
        // The store drops the object before its handlers hear of it (as client-go's does), so wait for the call too.
        await Eventually.True(() => !deleted.IsEmpty, "the delete handler is called");
        informer.Store.List().Select(c => c.Metadata.Name).Should().BeEquivalentTo("keep", "marker");
        deleted.Should().Equal("doomed");
    }

    [Fact]
    public async Task Indexes_find_objects_by_a_user_defined_key_and_follow_updates()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ns = await cluster.NewNamespaceAsync();
        await using var factory = new SharedInformerFactory(cluster.Client, ns);
        var informer = factory.GetInformer<ConfigMap>();
        informer.AddIndex("bySecret", c => c.Data?.TryGetValue("secretName", out var s) == true ? [$"{c.Metadata.NamespaceProperty}/{s}"] : []);
        factory.Start();
        await cluster.Client.CreateAsync(Gen.ConfigMap("one", ns, new() { ["secretName"] = "tls" }));
        var two = await cluster.Client.CreateAsync(Gen.ConfigMap("two", ns, new() { ["secretName"] = "tls" }));
        await Eventually.True(() => informer.Store.Count == 2, "both objects are cached");

        informer.Store.ByIndex("bySecret", $"{ns}/tls").Select(c => c.Metadata.Name).Should().BeEquivalentTo("one", "two");
        two.Data!["secretName"] = "other";
        await cluster.Client.ReplaceAsync(two);
        await Eventually.True(() => informer.Store.ByIndex("bySecret", $"{ns}/other").Count == 1, "the index follows the update");
        informer.Store.ByIndex("bySecret", $"{ns}/tls").Select(c => c.Metadata.Name).Should().Equal("one");
    }

    [Fact]
    public async Task The_metadata_only_Secret_informer_caches_no_secret_data()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ns = await cluster.NewNamespaceAsync();
        var payload = new string('q', 64);
        var secret = Gen.Secret("tls", ns);
        secret.Data!["tls.key"] = System.Text.Encoding.UTF8.GetBytes(payload);
        secret.Metadata.Annotations = new Dictionary<string, string>
        {
            // What `kubectl apply` leaves behind: the applied object, data and all.
            [PartialObjectMetadata.LastAppliedConfigurationAnnotation] = $"{{\"data\":{{\"tls.key\":\"{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload))}\"}}}}",
            ["cert-manager.io/certificate-name"] = "tls",
        };
        await cluster.Client.CreateAsync(secret);
        await using var factory = new SharedInformerFactory(cluster.Client, ns);
        var informer = factory.GetMetadataInformer<Secret>();
        factory.Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        await cluster.Client.CreateAsync(Gen.Secret("later", ns));
        await Eventually.True(() => informer.Store.Count == 2, "the watched secret arrives");

        var cached = informer.Store.List();
        var json = JsonSerializer.Serialize(cached.ToList(), TestJson.Default.ListPartialObjectMetadata);

        cached.Should().AllSatisfy(item => item.Should().BeOfType<PartialObjectMetadata>());
        cached.Select(c => c.Kind).Should().AllBe("PartialObjectMetadata");
        json.Should().NotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload))).And.NotContain("managedFields");
        informer.Store.Find(new ObjectKey(ns, "tls"))!.Metadata.Uid.Should().NotBeNullOrEmpty();
        informer.Store.Find(new ObjectKey(ns, "tls"))!.Metadata.Annotations.Should()
            .Equal(new Dictionary<string, string> { ["cert-manager.io/certificate-name"] = "tls" }, "only the last-applied configuration is dropped");
        (await cluster.Client.GetAsync<Secret>(ns, "tls")).Metadata.Annotations.Should()
            .ContainKey(PartialObjectMetadata.LastAppliedConfigurationAnnotation, "the cache's copy is trimmed, not the Secret");
    }
}
