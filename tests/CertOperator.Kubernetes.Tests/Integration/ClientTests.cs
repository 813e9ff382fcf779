using System.Text.Json.Nodes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class ClientTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    private KubernetesClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task Create_get_replace_and_delete_round_trip()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var created = await Client.CreateAsync(Gen.ConfigMap("a", ns));
        created.Metadata.Uid.Should().NotBeNullOrEmpty();

        created.Data!["key"] = "changed";
        var replaced = await Client.ReplaceAsync(created);
        (await Client.GetAsync<ConfigMap>(ns, "a")).Data.Should().Contain("key", "changed");

        await Client.DeleteAsync<ConfigMap>(ns, "a", new DeleteOptions { PropagationPolicy = "Background", Preconditions = new() { Uid = replaced.Metadata.Uid } });
        (await Client.TryGetAsync<ConfigMap>(ns, "a")).Should().BeNull();
    }

    [Fact]
    public async Task NotFound_Conflict_and_AlreadyExists_are_distinguishable()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var created = await Client.CreateAsync(Gen.ConfigMap("a", ns));
        var stored = await Client.GetAsync<ConfigMap>(ns, "a");
        stored.Data!["key"] = "moved on";
        await Client.ReplaceAsync(stored);

        var missing = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.GetAsync<ConfigMap>(ns, "nope"));
        var stale = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.ReplaceAsync(created));
        var duplicate = await Assert.ThrowsAsync<KubernetesApiException>(() => Client.CreateAsync(Gen.ConfigMap("a", ns)));
        var wrongUid = await Assert.ThrowsAsync<KubernetesApiException>(
            () => Client.DeleteAsync<ConfigMap>(ns, "a", new DeleteOptions { Preconditions = new() { Uid = "not-the-uid" } }));

        missing.IsNotFound.Should().BeTrue();
        stale.IsConflict.Should().BeTrue();
        duplicate.IsAlreadyExists.Should().BeTrue();
        duplicate.IsConflict.Should().BeFalse();
        wrongUid.IsConflict.Should().BeTrue();
        missing.Status.Details!.Name.Should().Be("nope");
        missing.Message.Should().NotContain(fixture.Cluster.Server.Token);
    }

    [Fact]
    public async Task Merge_patch_json_patch_and_server_side_apply()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await Client.CreateAsync(Gen.ConfigMap("a", ns));

        await Client.PatchAsync<ConfigMap>(ns, "a", Patch.Merge(new JsonObject { ["data"] = new JsonObject { ["merged"] = "yes", ["key"] = null } }));
        await Client.PatchAsync<ConfigMap>(ns, "a", Patch.Json(new JsonPatchOperation("add", "/data/json", JsonValue.Create("patched"))));
        var applied = await Client.ApplyAsync(
            new ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = ns }, Data = new Dictionary<string, string>() { ["applied"] = "1" } }, "test-manager", force: true);

        applied.Data.Should().BeEquivalentTo(new Dictionary<string, string> { ["merged"] = "yes", ["json"] = "patched", ["applied"] = "1" });
        applied.Metadata.ManagedFields.Should().Contain(f => f.Manager == "test-manager" && f.Operation == "Apply");
    }

    [Fact]
    public async Task Status_subresource_can_be_replaced_and_patched()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var service = await Client.CreateAsync(new Service
        {
            Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = ns },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] },
        });
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "10.1.2.3" }] } };

        var replaced = await Client.ReplaceStatusAsync(service);
        var patched = await Client.PatchStatusAsync<Service>(ns, "s", Patch.Merge(JsonNode.Parse("""{"status":{"conditions":[{"type":"Seen","status":"True","reason":"Test","message":"","lastTransitionTime":"2026-01-02T03:04:05Z"}]}}""")!));
        var viaMainResource = await Client.PatchAsync<Service>(ns, "s", Patch.Merge(JsonNode.Parse("""{"status":{"loadBalancer":{"ingress":[{"ip":"10.9.9.9"}]}}}""")!));

        replaced.Status!.LoadBalancer.Ingress.Should().ContainSingle().Which.Ip.Should().Be("10.1.2.3");
        patched.Status!.LoadBalancer.Ingress.Should().ContainSingle().Which.Ip.Should().Be("10.1.2.3");
        patched.Status.Conditions.Should().ContainSingle().Which.Type.Should().Be("Seen");
        viaMainResource.Status!.LoadBalancer.Ingress.Should().ContainSingle().Which.Ip.Should().Be("10.1.2.3", "status changes through the main resource are ignored");
    }

    [Fact]
    public async Task Lists_page_with_continue_tokens()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        for (var i = 0; i < 25; i++)
        {
            await Client.CreateAsync(Gen.ConfigMap($"cm-{i:D2}", ns));
        }

        var first = await Client.ListAsync<ConfigMap>(ns, new ListOptions { Limit = 10 });
        var pages = new List<int>();
        await foreach (var page in Client.ListPagesAsync<ConfigMap>(ns, new ListOptions { Limit = 10 }))
        {
            pages.Add(page.Items.Count);
        }

        var all = await Client.ListAllAsync<ConfigMap>(ns, new ListOptions { Limit = 10 });

        first.Items.Should().HaveCount(10);
        first.Metadata.ContinueProperty.Should().NotBeNullOrEmpty();
        pages.Should().Equal(10, 10, 5);
        all.Items.Select(c => c.Metadata.Name).Should().BeEquivalentTo(Enumerable.Range(0, 25).Select(i => $"cm-{i:D2}"));
        all.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Metadata_only_list_returns_PartialObjectMetadata()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await Client.CreateAsync(Gen.Secret("s", ns));

        var list = await Client.ListMetadataAsync<Secret>(ns);

        list.Kind.Should().Be("PartialObjectMetadataList");
        list.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = "PartialObjectMetadata", Metadata = new { Name = "s" } });
    }

    [Fact]
    public async Task Conflicting_writers_lose_no_update_with_RetryOnConflict()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await Client.CreateAsync(Gen.ConfigMap("counter", ns));

        async Task Writer()
        {
            for (var i = 0; i < 10; i++)
            {
                await ConflictRetry.RetryOnConflictAsync(async ct =>
                {
                    var current = await Client.GetAsync<ConfigMap>(ns, "counter", ct);
                    current.Metadata.Annotations ??= new Dictionary<string, string>();
                    var count = int.Parse(current.Metadata.Annotations.GetOrDefault("count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                    current.Metadata.Annotations["count"] = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Client.ReplaceAsync(current, ct);
                }, maxAttempts: 100);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(Writer)));

        (await Client.GetAsync<ConfigMap>(ns, "counter")).Metadata.Annotations!["count"].Should().Be("60");
    }
}
