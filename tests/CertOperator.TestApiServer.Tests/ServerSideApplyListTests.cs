using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

/// <summary>Server-side apply on lists the schema marks as x-kubernetes-list-type map or set.</summary>
public sealed class ServerSideApplyListTests : IAsyncLifetime, IDisposable
{
    private const string Apply = "application/apply-patch+yaml";
    private const string Gadget = "/apis/demo.example.com/v1/namespaces/default/gadgets/g";
    private KubeApiServer _server = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync();
        _api = new ApiClient(_server.CreateHttpClient());
        await _api.CreateAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gadgets.demo.example.com"},
             "spec":{"group":"demo.example.com","scope":"Namespaced","names":{"kind":"Gadget","plural":"gadgets","singular":"gadget","listKind":"GadgetList"},
              "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object","properties":{
                "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}},
                "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}}}}}]}}
            """)!.AsObject());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    public void Dispose() => _api.Dispose();

    private Task<(HttpStatusCode Status, JsonNode? Body)> ApplyAsync(string manager, string spec, bool force = false) =>
        _api.PatchAsync($"{Gadget}?fieldManager={manager}{(force ? "&force=true" : "")}", Apply, $$"""{"apiVersion":"demo.example.com/v1","kind":"Gadget","metadata":{"name":"g"},"spec":{{spec}}}""");

    private static string[] Ports(JsonNode gadget) =>
        gadget["spec"]!["ports"]!.AsArray().Select(p => $"{p!["name"]}:{p["port"]}").ToArray();

    [Fact]
    public async Task List_map_items_have_separate_owners_conflict_per_field_and_are_removed_when_no_longer_applied()
    {
        (await ApplyAsync("alice", """{"ports":[{"name":"http","port":80}],"tags":["a"]}""")).Status.Should().Be(HttpStatusCode.Created);
        var (status, both) = await ApplyAsync("bob", """{"ports":[{"name":"https","port":443}],"tags":["b"]}""");
        status.Should().Be(HttpStatusCode.OK);
        Ports(both!).Should().Equal("http:80", "https:443");
        both!["spec"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("a", "b");
        var alice = both["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "alice")!;
        alice["fieldsV1"]!.ToJsonString().Should().Contain("k:{\\u0022name\\u0022:\\u0022http\\u0022}");

        var (conflict, error) = await ApplyAsync("bob", """{"ports":[{"name":"https","port":443},{"name":"http","port":81}]}""");
        conflict.Should().Be(HttpStatusCode.Conflict);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be(".spec.ports[name=\"http\"].port");

        var (_, dropped) = await ApplyAsync("alice", """{"ports":[]}""");
        Ports(dropped!).Should().Equal("https:443");
        dropped!["spec"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("b");
    }
}
