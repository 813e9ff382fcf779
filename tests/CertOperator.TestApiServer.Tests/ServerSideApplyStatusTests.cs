using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

/// <summary>
/// Two field managers sharing status.conditions (a list map keyed by type) through the status subresource, as the
/// operator's issuance and readiness controllers do; each step's outcome was checked against kube-apiserver 1.24.
/// </summary>
public sealed class ServerSideApplyStatusTests : IAsyncLifetime, IDisposable
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
              "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},"schema":{"openAPIV3Schema":{"type":"object","properties":{
                "spec":{"type":"object","properties":{"size":{"type":"integer"}}},
                "status":{"type":"object","properties":{
                  "revision":{"type":"integer"},
                  "size":{"type":"integer"},
                  "conditions":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["type"],
                    "items":{"type":"object","required":["type","status"],"properties":{"type":{"type":"string"},"status":{"type":"string"},"reason":{"type":"string"}}}}}}}}}}]}}
            """)!.AsObject());
        await _api.CreateAsync("/apis/demo.example.com/v1/namespaces/default/gadgets", JsonNode.Parse("""
            {"apiVersion":"demo.example.com/v1","kind":"Gadget","metadata":{"name":"g"},"spec":{"size":1}}
            """)!.AsObject());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    public void Dispose() => _api.Dispose();

    private async Task<string> ApplyStatusAsync(string manager, string status)
    {
        var (code, body) = await _api.PatchAsync(
            $"{Gadget}/status?fieldManager={manager}&force=true", Apply, $$"""{"apiVersion":"demo.example.com/v1","kind":"Gadget","metadata":{"name":"g"},"status":{{status}}}""");
        code.Should().Be(HttpStatusCode.OK, body?.ToJsonString());
        var conditions = body!["status"]?["conditions"]?.AsArray().Select(c => $"{c!["type"]}={c["status"]}") ?? [];
        return $"rev={body["status"]?["revision"]?.ToJsonString() ?? "-"} {string.Join(",", conditions)}";
    }

    [Fact]
    public async Task A_manager_sets_removes_and_sets_again_its_own_condition_while_another_manager_keeps_its_own()
    {
        (await ApplyStatusAsync("issuance", """{"conditions":[{"type":"Issuing","status":"True"}]}""")).Should().Be("rev=- Issuing=True");
        (await ApplyStatusAsync("readiness", """{"conditions":[{"type":"Ready","status":"False"}]}""")).Should().Be("rev=- Issuing=True,Ready=False");
        (await ApplyStatusAsync("issuance", """{"revision":1}""")).Should().Be("rev=1 Ready=False");
        (await ApplyStatusAsync("readiness", """{"conditions":[{"type":"Ready","status":"True"}]}""")).Should().Be("rev=1 Ready=True");
        (await ApplyStatusAsync("issuance", """{"conditions":[{"type":"Issuing","status":"True"}],"revision":1}""")).Should().Be("rev=1 Ready=True,Issuing=True");
        (await ApplyStatusAsync("readiness", """{"conditions":[{"type":"Ready","status":"True","reason":"Still"}]}""")).Should().Be("rev=1 Ready=True,Issuing=True");
        (await ApplyStatusAsync("issuance", """{"revision":2}""")).Should().Be("rev=2 Ready=True");
        (await ApplyStatusAsync("readiness", """{}""")).Should().Be("rev=2 ");
    }

    [Fact]
    public async Task A_resourceVersion_in_an_applied_status_is_a_precondition()
    {
        var (_, created) = await _api.GetAsync(Gadget);
        var version = created!["metadata"]!["resourceVersion"]!.GetValue<string>();
        var body = $$$"""{"apiVersion":"demo.example.com/v1","kind":"Gadget","metadata":{"name":"g","resourceVersion":"{{{version}}}"},"status":{"revision":1}}""";

        var (first, applied) = await _api.PatchAsync($"{Gadget}/status?fieldManager=issuance&force=true", Apply, body);
        var (second, refused) = await _api.PatchAsync($"{Gadget}/status?fieldManager=issuance&force=true", Apply, body);

        first.Should().Be(HttpStatusCode.OK);
        applied!["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBe(version);
        second.Should().Be(HttpStatusCode.Conflict, "kube-apiserver 1.24 answers 409 when the applied resourceVersion is not the stored one");
        refused!["reason"]!.GetValue<string>().Should().Be("Conflict");
        refused["message"]!.GetValue<string>().Should().Contain("the object has been modified");
    }

    [Fact]
    public async Task A_manager_that_applied_an_empty_status_and_then_a_field_removes_nothing_others_own()
    {
        (await ApplyStatusAsync("issuance", """{"conditions":[{"type":"Issuing","status":"True"}],"revision":1}""")).Should().Be("rev=1 Issuing=True");
        (await ApplyStatusAsync("keys", """{}""")).Should().Be("rev=1 Issuing=True");
        (await ApplyStatusAsync("keys", """{"size":3}""")).Should().Be("rev=1 Issuing=True");
        (await ApplyStatusAsync("keys", """{}""")).Should().Be("rev=1 Issuing=True");
    }
}
