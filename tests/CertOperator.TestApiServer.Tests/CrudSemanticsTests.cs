using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class CrudSemanticsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task Unauthenticated_request_gets_401_Status()
    {
        using var anonymous = fixture.Server.CreateHttpClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        var response = await anonymous.GetAsync(new Uri("/api/v1/namespaces", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body["kind"]!.GetValue<string>().Should().Be("Status");
        body["reason"]!.GetValue<string>().Should().Be("Unauthorized");
    }

    [Fact]
    public async Task Create_sets_server_metadata_and_applies_schema_defaults()
    {
        var created = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("defaults", size: 1));
        created["spec"]!["color"]!.GetValue<string>().Should().Be("red");
        created["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        created["metadata"]!["uid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        created["metadata"]!["creationTimestamp"]!.GetValue<string>().Should().EndWith("Z");
        created["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:spec"]!.ToJsonString().Should().Be("""{".":{},"f:color":{},"f:size":{}}""");
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_by_default_and_rejected_when_strict()
    {
        var body = Gen.Widget("pruned", size: 2);
        body["spec"]!["bogus"] = 1;
        var created = await _api.CreateAsync(ApiClient.WidgetsPath, body);
        created["spec"]!.AsObject().ContainsKey("bogus").Should().BeFalse();

        body["metadata"]!["name"] = "strict";
        var (status, error) = await _api.PostAsync(ApiClient.WidgetsPath + "?fieldValidation=Strict", body);
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("spec.bogus");
    }

    [Fact]
    public async Task Invalid_object_gets_422_with_field_paths_like_sample_08()
    {
        var (status, error) = await _api.PostAsync(ApiClient.WidgetsPath, Gen.Widget("w3", size: 30, color: "green"));
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["reason"]!.GetValue<string>().Should().Be("Invalid");
        error["message"]!.GetValue<string>().Should().Be(
            "Widget.demo.example.com \"w3\" is invalid: [spec.color: Unsupported value: \"green\": supported values: \"red\", \"blue\", spec.size: Invalid value: 30: spec.size in body should be less than or equal to 10]");
        var causes = error["details"]!["causes"]!.AsArray();
        causes.Select(c => (c!["reason"]!.GetValue<string>(), c["field"]!.GetValue<string>())).Should().Equal(
            ("FieldValueNotSupported", "spec.color"), ("FieldValueInvalid", "spec.size"));
    }

    [Fact]
    public async Task Missing_required_field_is_FieldValueRequired()
    {
        var body = Gen.Widget("nosize");
        body["spec"]!.AsObject().Remove("size");
        var (status, error) = await _api.PostAsync(ApiClient.WidgetsPath, body);
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["reason"]!.GetValue<string>().Should().Be("FieldValueRequired");
        error["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("spec.size");
    }

    [Fact]
    public async Task Not_found_and_already_exists_are_Status_objects()
    {
        var (missing, notFound) = await _api.GetAsync(ApiClient.WidgetsPath + "/nope");
        missing.Should().Be(HttpStatusCode.NotFound);
        notFound!["message"]!.GetValue<string>().Should().Be("widgets.demo.example.com \"nope\" not found");
        notFound["details"]!["kind"]!.GetValue<string>().Should().Be("widgets");

        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("twice"));
        var (conflict, exists) = await _api.PostAsync(ApiClient.WidgetsPath, Gen.Widget("twice"));
        conflict.Should().Be(HttpStatusCode.Conflict);
        exists!["reason"]!.GetValue<string>().Should().Be("AlreadyExists");
    }

    [Fact]
    public async Task Stale_resourceVersion_update_is_409_Conflict()
    {
        var created = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("stale"));
        var first = created.DeepClone();
        first["spec"]!["size"] = 2;
        (await _api.PutAsync(ApiClient.WidgetsPath + "/stale", first)).Status.Should().Be(HttpStatusCode.OK);

        var second = created.DeepClone();
        second["spec"]!["size"] = 3;
        var (status, error) = await _api.PutAsync(ApiClient.WidgetsPath + "/stale", second);
        status.Should().Be(HttpStatusCode.Conflict);
        error!["reason"]!.GetValue<string>().Should().Be("Conflict");
        error["message"]!.GetValue<string>().Should().Contain("the object has been modified");
    }

    [Fact]
    public async Task Update_of_custom_resource_without_resourceVersion_is_422_like_sample_13()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("norv"));
        var (status, error) = await _api.PutAsync(ApiClient.WidgetsPath + "/norv", Gen.Widget("norv", size: 2));
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.resourceVersion");
    }

    [Fact]
    public async Task Generation_moves_on_spec_changes_only()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("gen"));
        var (_, labelled) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/gen", JsonNode.Parse("""{"metadata":{"labels":{"a":"b"}}}""")!);
        labelled!["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        var (_, statusPatched) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/gen/status", JsonNode.Parse("""{"status":{"notAfter":"2030-01-01T00:00:00Z"}}""")!);
        statusPatched!["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        var (_, specPatched) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/gen", JsonNode.Parse("""{"spec":{"size":5}}""")!);
        specPatched!["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task Status_subresource_isolates_status_from_spec_both_ways()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("iso"));
        var (_, viaMain) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/iso", JsonNode.Parse("""{"spec":{"size":2},"status":{"notAfter":"2030-01-01T00:00:00Z"}}""")!);
        viaMain!["spec"]!["size"]!.GetValue<int>().Should().Be(2);
        viaMain.AsObject().ContainsKey("status").Should().BeFalse();

        var (_, viaStatus) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/iso/status", JsonNode.Parse("""{"spec":{"size":9},"status":{"notAfter":"2030-01-01T00:00:00Z"}}""")!);
        viaStatus!["spec"]!["size"]!.GetValue<int>().Should().Be(2);
        viaStatus["status"]!["notAfter"]!.GetValue<string>().Should().Be("2030-01-01T00:00:00Z");
        viaStatus["metadata"]!["managedFields"]!.AsArray().Should().Contain(e => e!["subresource"] != null && e["subresource"]!.GetValue<string>() == "status");
    }

    [Fact]
    public async Task Json_patch_applies_and_a_failing_test_op_is_422()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("jp"));
        var (ok, patched) = await _api.PatchAsync(ApiClient.WidgetsPath + "/jp", "application/json-patch+json", """[{"op":"replace","path":"/spec/size","value":7},{"op":"test","path":"/spec/color","value":"red"}]""");
        ok.Should().Be(HttpStatusCode.OK);
        patched!["spec"]!["size"]!.GetValue<int>().Should().Be(7);

        var (status, error) = await _api.PatchAsync(ApiClient.WidgetsPath + "/jp", "application/json-patch+json", """[{"op":"test","path":"/spec/color","value":"blue"},{"op":"replace","path":"/spec/size","value":8}]""");
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["message"]!.GetValue<string>().Should().Be("the server rejected our request due to an error in our request");
    }

    [Fact]
    public async Task GenerateName_creates_a_unique_name()
    {
        var body = Gen.Widget("");
        body["metadata"] = new JsonObject { ["generateName"] = "gen-" };
        var a = await _api.CreateAsync(ApiClient.WidgetsPath, body);
        var b = await _api.CreateAsync(ApiClient.WidgetsPath, JsonNode.Parse(body.ToJsonString())!.AsObject());
        a["metadata"]!["name"]!.GetValue<string>().Should().StartWith("gen-").And.HaveLength(9);
        a["metadata"]!["name"]!.GetValue<string>().Should().NotBe(b["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Noop_update_keeps_the_resourceVersion()
    {
        var created = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("noop"));
        var (_, same) = await _api.MergePatchAsync(ApiClient.WidgetsPath + "/noop", JsonNode.Parse("""{"spec":{"size":1}}""")!);
        Gen.Rv(same!).Should().Be(Gen.Rv(created));
    }

    [Fact]
    public async Task Secret_stringData_is_folded_into_data()
    {
        var body = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = "sd" }, ["stringData"] = new JsonObject { ["k"] = "v" } };
        var created = await _api.CreateAsync(ApiClient.SecretsPath, body);
        created["data"]!["k"]!.GetValue<string>().Should().Be("dg==");
        created["type"]!.GetValue<string>().Should().Be("Opaque");
    }

    [Fact]
    public async Task Dry_run_validates_and_defaults_without_storing()
    {
        var (status, preview) = await _api.PostAsync(ApiClient.WidgetsPath + "?dryRun=All", Gen.Widget("dry"));
        status.Should().Be(HttpStatusCode.Created);
        preview!["spec"]!["color"]!.GetValue<string>().Should().Be("red");
        (await _api.GetAsync(ApiClient.WidgetsPath + "/dry")).Status.Should().Be(HttpStatusCode.NotFound);
        (await _api.PostAsync(ApiClient.WidgetsPath + "?dryRun=All", Gen.Widget("dry", size: 99))).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    public async Task Names_must_be_DNS_subdomains(string name)
    {
        var (status, error) = await _api.PostAsync(ApiClient.SecretsPath, Gen.Secret(name));
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
    }

    [Theory]
    [InlineData("""{"hosts":["bad host!!"],"secretName":"ok"}""", "spec.tls[0].hosts[0]")]
    [InlineData("""{"hosts":["*.*.example.com"],"secretName":"ok"}""", "spec.tls[0].hosts[0]")]
    [InlineData("""{"hosts":["a.example.com"],"secretName":"Bad_Name!"}""", "spec.tls[0].secretName")]
    public async Task Ingress_TLS_hosts_and_secret_names_are_validated_like_kube_apiserver(string tls, string field)
    {
        const string Template = """
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"NAME","namespace":"default"},
             "spec":{"tls":[TLS],"rules":[{"host":"a.example.com"}]}}
            """;
        var name = $"web-{Guid.NewGuid():N}";
        var ingress = JsonNode.Parse(Template.Replace("NAME", name, StringComparison.Ordinal).Replace("TLS", tls, StringComparison.Ordinal))!;
        var valid = JsonNode.Parse(Template.Replace("NAME", name, StringComparison.Ordinal).Replace("TLS", """{"hosts":["*.example.com"],"secretName":"web-tls"}""", StringComparison.Ordinal))!;

        var (status, error) = await _api.PostAsync("/apis/networking.k8s.io/v1/namespaces/default/ingresses", ingress);

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be(field);
        (await _api.PostAsync("/apis/networking.k8s.io/v1/namespaces/default/ingresses", valid)).Status.Should().Be(HttpStatusCode.Created, "a wildcard host and a valid secretName are fine");
    }

    [Fact]
    public async Task TLS_secrets_need_both_keys_and_secret_type_is_immutable()
    {
        var missingKey = Gen.Secret("tls-missing", type: "kubernetes.io/tls");
        missingKey["data"]!.AsObject().Remove("tls.key");
        var (status, error) = await _api.PostAsync(ApiClient.SecretsPath, missingKey);
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        error!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("data[tls.key]");

        await _api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("retype"));
        var (changed, immutable) = await _api.MergePatchAsync(ApiClient.SecretsPath + "/retype", JsonNode.Parse("""{"type":"kubernetes.io/tls"}""")!);
        changed.Should().Be(HttpStatusCode.UnprocessableEntity);
        immutable!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("type");
    }

    [Fact]
    public async Task Create_accepts_a_yaml_body()
    {
        var (status, created) = await _api.SendAsync(HttpMethod.Post, ApiClient.WidgetsPath, "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: from-yaml\nspec:\n  size: 2\n", "application/yaml");
        status.Should().Be(HttpStatusCode.Created);
        created!["spec"]!["size"]!.GetValue<int>().Should().Be(2);
    }
}
