using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class CrdLifecycleTests
{
    private const string Crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    [Fact]
    public async Task Creating_a_CRD_starts_serving_it_and_deleting_it_stops()
    {
        await using var server = await KubeApiServer.StartAsync();
        using var api = new ApiClient(server.CreateHttpClient());
        (await api.GetAsync("/apis/demo.example.com/v1")).Status.Should().Be(HttpStatusCode.NotFound);

        var crd = YamlToJson.ParseSingle(await File.ReadAllTextAsync(Path.Combine(ServerFixture.TestDataDirectory, "widget-crd.yaml")))!.AsObject();
        var created = await api.CreateAsync(Crds, crd);
        var conditions = created["status"]!["conditions"]!.AsArray();
        conditions.Select(c => (c!["type"]!.GetValue<string>(), c["status"]!.GetValue<string>())).Should().Equal(("NamesAccepted", "True"), ("Established", "True"));
        created["status"]!["acceptedNames"]!["kind"]!.GetValue<string>().Should().Be("Widget");

        var (_, discovery) = await api.GetAsync("/apis/demo.example.com/v1");
        discovery!["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Equal("widgets", "widgets/status");
        discovery["resources"]![0]!["shortNames"]![0]!.GetValue<string>().Should().Be("wd");
        discovery["resources"]![0]!["categories"]![0]!.GetValue<string>().Should().Be("demo");
        await api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("w"));

        await api.DeleteAsync(Crds + "/widgets.demo.example.com");

        (await api.GetAsync("/apis/demo.example.com/v1")).Status.Should().Be(HttpStatusCode.NotFound);
        (await api.GetAsync(ApiClient.WidgetsPath + "/w")).Status.Should().Be(HttpStatusCode.NotFound);
        var (_, groups) = await api.GetAsync("/apis");
        groups!["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).Should().NotContain("demo.example.com");
    }

    [Fact]
    public async Task CRD_whose_name_does_not_match_its_names_is_invalid()
    {
        await using var server = await KubeApiServer.StartAsync();
        using var api = new ApiClient(server.CreateHttpClient());
        var crd = YamlToJson.ParseSingle(await File.ReadAllTextAsync(Path.Combine(ServerFixture.TestDataDirectory, "widget-crd.yaml")))!.AsObject();
        crd["metadata"]!["name"] = "wrong.demo.example.com";
        var (status, error) = await api.PostAsync(Crds, crd);
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
    }

    [Fact]
    public async Task Deletecollection_removes_matching_objects_only()
    {
        await using var server = await KubeApiServer.StartAsync();
        using var api = new ApiClient(server.CreateHttpClient());
        await api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("keep", labels: new JsonObject { ["purge"] = "no" }));
        await api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("drop-1", labels: new JsonObject { ["purge"] = "yes" }));
        await api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("drop-2", labels: new JsonObject { ["purge"] = "yes" }));

        (await api.DeleteAsync(ApiClient.SecretsPath + "?labelSelector=purge%3Dyes")).Status.Should().Be(HttpStatusCode.OK);

        var (_, list) = await api.GetAsync(ApiClient.SecretsPath);
        list!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("keep");
    }

    [Fact]
    public async Task Defaults_added_to_a_CRD_later_show_up_when_existing_objects_are_read()
    {
        await using var server = await KubeApiServer.StartAsync();
        using var api = new ApiClient(server.CreateHttpClient());
        var crd = YamlToJson.ParseSingle(await File.ReadAllTextAsync(Path.Combine(ServerFixture.TestDataDirectory, "widget-crd.yaml")))!.AsObject();
        var color = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["color"]!.AsObject();
        color.Remove("default");
        var created = await api.CreateAsync(Crds, crd);
        await api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("old"));
        (await api.GetAsync(ApiClient.WidgetsPath + "/old")).Body!["spec"]!.AsObject().ContainsKey("color").Should().BeFalse();

        var withDefault = created.DeepClone();
        withDefault["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["color"]!["default"] = "blue";
        (await api.PutAsync(Crds + "/widgets.demo.example.com", withDefault)).Status.Should().Be(HttpStatusCode.OK);

        var (_, read) = await api.GetAsync(ApiClient.WidgetsPath + "/old");
        read!["spec"]!["color"]!.GetValue<string>().Should().Be("blue");
    }
}
