using System.Net;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class ServerSideApplyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Apply = "application/apply-patch+yaml";
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task Apply_creates_and_records_Apply_ownership_like_sample_16()
    {
        var (status, created) = await _api.PatchAsync(ApiClient.WidgetsPath + "/ssa-new?fieldManager=alice", Apply,
            "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: ssa-new\nspec:\n  size: 1\n  note: a\n");
        status.Should().Be(HttpStatusCode.Created);
        created!["spec"]!["color"]!.GetValue<string>().Should().Be("red");
        var entry = created["metadata"]!["managedFields"]![0]!;
        entry["manager"]!.GetValue<string>().Should().Be("alice");
        entry["operation"]!.GetValue<string>().Should().Be("Apply");
        entry["fieldsV1"]!.ToJsonString().Should().Be("""{"f:spec":{"f:note":{},"f:size":{}}}""");
    }

    [Fact]
    public async Task Conflicting_apply_is_409_with_FieldManagerConflict_and_force_takes_over()
    {
        const string Path = ApiClient.WidgetsPath + "/ssa-conflict";
        (await _api.PatchAsync(Path + "?fieldManager=alice", Apply, """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-conflict","namespace":"default"},"spec":{"size":1,"note":"a"}}""")).Status
            .Should().Be(HttpStatusCode.Created);

        var bob = """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-conflict","namespace":"default"},"spec":{"size":2}}""";
        var (status, error) = await _api.PatchAsync(Path + "?fieldManager=bob", Apply, bob);
        status.Should().Be(HttpStatusCode.Conflict);
        error!["message"]!.GetValue<string>().Should().Be("Apply failed with 1 conflict: conflict with \"alice\": .spec.size");
        var cause = error["details"]!["causes"]![0]!;
        cause["reason"]!.GetValue<string>().Should().Be("FieldManagerConflict");
        cause["message"]!.GetValue<string>().Should().Be("conflict with \"alice\"");
        cause["field"]!.GetValue<string>().Should().Be(".spec.size");

        var (forced, result) = await _api.PatchAsync(Path + "?fieldManager=bob&force=true", Apply, bob);
        forced.Should().Be(HttpStatusCode.OK);
        result!["spec"]!["size"]!.GetValue<int>().Should().Be(2);
        result["spec"]!["note"]!.GetValue<string>().Should().Be("a");
        result["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
        var managers = result["metadata"]!["managedFields"]!.AsArray().ToDictionary(e => e!["manager"]!.GetValue<string>(), e => e!["fieldsV1"]!.ToJsonString());
        managers["alice"].Should().Be("""{"f:spec":{"f:note":{}}}""");
        managers["bob"].Should().Be("""{"f:spec":{"f:size":{}}}""");
    }

    [Fact]
    public async Task Applying_the_same_value_shares_ownership_and_dropping_a_field_removes_it()
    {
        const string Path = ApiClient.WidgetsPath + "/ssa-share";
        await _api.PatchAsync(Path + "?fieldManager=alice", Apply, """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-share"},"spec":{"size":3,"note":"n"}}""");
        (await _api.PatchAsync(Path + "?fieldManager=bob", Apply, """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-share"},"spec":{"size":3}}""")).Status
            .Should().Be(HttpStatusCode.OK);

        var (_, after) = await _api.PatchAsync(Path + "?fieldManager=alice", Apply, """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-share"},"spec":{"size":3}}""");
        after!["spec"]!.AsObject().ContainsKey("note").Should().BeFalse();
        after["spec"]!["size"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Apply_without_field_manager_is_rejected()
    {
        var (status, _) = await _api.PatchAsync(ApiClient.WidgetsPath + "/ssa-anon", Apply, """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-anon"},"spec":{"size":3}}""");
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Reapplying_the_same_configuration_is_a_no_op()
    {
        const string Body = """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-noop"},"spec":{"size":4}}""";
        var (_, first) = await _api.PatchAsync(ApiClient.WidgetsPath + "/ssa-noop?fieldManager=alice", Apply, Body);
        var (status, second) = await _api.PatchAsync(ApiClient.WidgetsPath + "/ssa-noop?fieldManager=alice", Apply, Body);
        status.Should().Be(HttpStatusCode.OK);
        Gen.Rv(second!).Should().Be(Gen.Rv(first!));
    }

    [Fact]
    public async Task Apply_to_the_status_subresource_changes_only_status()
    {
        await _api.PatchAsync(ApiClient.WidgetsPath + "/ssa-status?fieldManager=alice", Apply, """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-status"},"spec":{"size":4}}""");
        var (status, result) = await _api.PatchAsync(ApiClient.WidgetsPath + "/ssa-status/status?fieldManager=controller&force=true", Apply,
            """{"apiVersion":"demo.example.com/v1","kind":"Widget","metadata":{"name":"ssa-status"},"spec":{"size":9},"status":{"notAfter":"2030-01-01T00:00:00Z"}}""");
        status.Should().Be(HttpStatusCode.OK);
        result!["spec"]!["size"]!.GetValue<int>().Should().Be(4);
        result["status"]!["notAfter"]!.GetValue<string>().Should().Be("2030-01-01T00:00:00Z");
        var managers = result["metadata"]!["managedFields"]!.AsArray().ToDictionary(e => e!["manager"]!.GetValue<string>(), e => e!);
        managers["controller"]["subresource"]!.GetValue<string>().Should().Be("status");
        managers["controller"]["fieldsV1"]!.ToJsonString().Should().Be("""{"f:status":{"f:notAfter":{}}}""");
        managers["alice"]["fieldsV1"]!.ToJsonString().Should().Be("""{"f:spec":{"f:size":{}}}""", "the status apply must not take spec ownership");
    }
}
