using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class DeletionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task Finalizers_hold_the_object_in_terminating_state_until_removed()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("held", finalizers: new JsonArray("demo.example.com/hold")));

        var (deleteStatus, deleting) = await _api.DeleteAsync(ApiClient.WidgetsPath + "/held");
        deleteStatus.Should().Be(HttpStatusCode.OK);
        deleting!["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        deleting["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>().Should().Be(0);

        var (stillThere, terminating) = await _api.GetAsync(ApiClient.WidgetsPath + "/held");
        stillThere.Should().Be(HttpStatusCode.OK);
        terminating!["metadata"]!["finalizers"]![0]!.GetValue<string>().Should().Be("demo.example.com/hold");

        var (released, _) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/held", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);
        released.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync(ApiClient.WidgetsPath + "/held")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_without_finalizers_returns_Success_Status()
    {
        var created = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("plain"));
        var (status, body) = await _api.DeleteAsync(ApiClient.WidgetsPath + "/plain", JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}"""));
        status.Should().Be(HttpStatusCode.OK);
        body!["status"]!.GetValue<string>().Should().Be("Success");
        body["details"]!["uid"]!.GetValue<string>().Should().Be(created["metadata"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("precond"));
        var (status, _) = await _api.DeleteAsync(ApiClient.WidgetsPath + "/precond", JsonNode.Parse("""{"preconditions":{"uid":"not-the-uid"}}"""));
        status.Should().Be(HttpStatusCode.Conflict);
        (await _api.GetAsync(ApiClient.WidgetsPath + "/precond")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Garbage_collector_deletes_dependents_when_their_owner_is_gone()
    {
        var owner = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("owner"));
        await _api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("owned-secret", owners: Gen.OwnedBy(owner)));
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("owned-widget", owners: Gen.OwnedBy(owner)));

        await _api.DeleteAsync(ApiClient.WidgetsPath + "/owner");

        (await Eventually.TrueAsync(async () =>
            (await _api.GetAsync(ApiClient.SecretsPath + "/owned-secret")).Status == HttpStatusCode.NotFound &&
            (await _api.GetAsync(ApiClient.WidgetsPath + "/owned-widget")).Status == HttpStatusCode.NotFound)).Should().BeTrue();
    }

    [Fact]
    public async Task Foreground_deletion_waits_for_dependents_and_orphan_keeps_them()
    {
        var parent = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("fg-parent"));
        await _api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("fg-child", owners: Gen.OwnedBy(parent)));
        var (_, deleting) = await _api.DeleteAsync(ApiClient.WidgetsPath + "/fg-parent", JsonNode.Parse("""{"propagationPolicy":"Foreground"}"""));
        deleting!["metadata"]!["finalizers"]![0]!.GetValue<string>().Should().Be("foregroundDeletion");
        (await Eventually.TrueAsync(async () =>
            (await _api.GetAsync(ApiClient.WidgetsPath + "/fg-parent")).Status == HttpStatusCode.NotFound &&
            (await _api.GetAsync(ApiClient.SecretsPath + "/fg-child")).Status == HttpStatusCode.NotFound)).Should().BeTrue();

        var keeper = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("orphan-parent"));
        await _api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("orphan-child", owners: Gen.OwnedBy(keeper)));
        await _api.DeleteAsync(ApiClient.WidgetsPath + "/orphan-parent", JsonNode.Parse("""{"propagationPolicy":"Orphan"}"""));
        var (childStatus, child) = await _api.GetAsync(ApiClient.SecretsPath + "/orphan-child");
        childStatus.Should().Be(HttpStatusCode.OK);
        child!["metadata"]!.AsObject().ContainsKey("ownerReferences").Should().BeFalse();
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_objects_then_the_namespace()
    {
        const string Widgets = "/apis/demo.example.com/v1/namespaces/doomed/widgets";
        await _api.CreateAsync("/api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "doomed" } });
        await _api.CreateAsync("/api/v1/namespaces/doomed/secrets", Gen.Secret("s"));
        await _api.CreateAsync(Widgets, Gen.Widget("held", finalizers: new JsonArray("demo.example.com/hold")));

        var (_, terminating) = await _api.DeleteAsync("/api/v1/namespaces/doomed");
        terminating!["status"]!["phase"]!.GetValue<string>().Should().Be("Terminating");
        var (forbidden, _) = await _api.PostAsync("/api/v1/namespaces/doomed/secrets", Gen.Secret("late"));
        forbidden.Should().Be(HttpStatusCode.Forbidden);
        (await Eventually.TrueAsync(async () => (await _api.GetAsync("/api/v1/namespaces/doomed/secrets/s")).Status == HttpStatusCode.NotFound)).Should().BeTrue();
        var (_, held) = await _api.GetAsync(Widgets + "/held");
        held!["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        (await _api.GetAsync("/api/v1/namespaces/doomed")).Status.Should().Be(HttpStatusCode.OK);

        await _api.MergePatchAsync(Widgets + "/held", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);
        (await Eventually.TrueAsync(async () => (await _api.GetAsync("/api/v1/namespaces/doomed")).Status == HttpStatusCode.NotFound)).Should().BeTrue();
    }

    [Fact]
    public async Task A_dependent_whose_namespaced_owner_lives_in_another_namespace_is_collected()
    {
        await _api.CreateAsync("/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "elsewhere" } });
        var owner = await _api.CreateAsync("/apis/demo.example.com/v1/namespaces/elsewhere/widgets", Gen.Widget("far-owner"));
        await _api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("cross-ns-child", owners: Gen.OwnedBy(owner)));
        (await Eventually.TrueAsync(async () => (await _api.GetAsync(ApiClient.SecretsPath + "/cross-ns-child")).Status == HttpStatusCode.NotFound)).Should().BeTrue();
    }

    [Fact]
    public async Task Create_in_missing_namespace_is_404()
    {
        var (status, error) = await _api.PostAsync("/api/v1/namespaces/nowhere/secrets", Gen.Secret("x"));
        status.Should().Be(HttpStatusCode.NotFound);
        error!["message"]!.GetValue<string>().Should().Be("namespaces \"nowhere\" not found");
    }
}
