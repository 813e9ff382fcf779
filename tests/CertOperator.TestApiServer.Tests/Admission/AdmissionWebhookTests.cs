using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests.Admission;

/// <summary>
/// The test API server calls admission webhooks configured by clientConfig.url (HTTPS, trusting the caBundle) on
/// create and update, as kube-apiserver does. Each test works in its own namespace, selected by namespaceSelector.
/// </summary>
public sealed class AdmissionWebhookTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly ApiClient _api = fixture.Api;
    private TinyWebhook _webhook = null!;

    public async Task InitializeAsync() => _webhook = await TinyWebhook.StartAsync();

    public async Task DisposeAsync() => await _webhook.DisposeAsync();

    [Fact]
    public async Task Denied_create_is_400_with_the_webhooks_message_and_nothing_is_stored()
    {
        await SetUpAsync("deny-ns", "ValidatingWebhookConfiguration", WebhookGen.Webhook("deny.example.com", _webhook.Url("/deny"), _webhook.CaBundle, "deny-ns"));

        var (status, body) = await _api.PostAsync(WebhookGen.ConfigMaps("deny-ns"), WebhookGen.ConfigMap("refused"));

        status.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.DeepEquals(body, JsonNode.Parse(
            $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"admission webhook \"deny.example.com\" denied the request: {{TinyWebhook.DenyMessage}}","code":400}""")).Should().BeTrue(body!.ToJsonString());
        (await _api.GetAsync(WebhookGen.ConfigMaps("deny-ns") + "/refused")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_denial_keeps_the_webhooks_code_and_reason()
    {
        await SetUpAsync("forbid-ns", "ValidatingWebhookConfiguration", WebhookGen.Webhook("forbid.example.com", _webhook.Url("/forbid"), _webhook.CaBundle, "forbid-ns"));

        var (status, body) = await _api.PostAsync(WebhookGen.ConfigMaps("forbid-ns"), WebhookGen.ConfigMap("refused"));

        status.Should().Be(HttpStatusCode.Forbidden);
        body!["reason"]!.GetValue<string>().Should().Be("Forbidden");
        body["message"]!.GetValue<string>().Should().Be($"admission webhook \"forbid.example.com\" denied the request: {TinyWebhook.DenyMessage}");
    }

    [Fact]
    public async Task Mutating_JSON_patch_is_stored_and_validating_webhooks_see_the_mutated_object()
    {
        await SetUpAsync("mutate-ns", "MutatingWebhookConfiguration", WebhookGen.Webhook("mutate.example.com", _webhook.Url("/mutate"), _webhook.CaBundle, "mutate-ns"));
        await _api.CreateAsync(WebhookGen.ValidatingPath, WebhookGen.Configuration("ValidatingWebhookConfiguration", "mutate-ns-allow",
            WebhookGen.Webhook("allow.example.com", _webhook.Url("/allow"), _webhook.CaBundle, "mutate-ns")));

        var created = await _api.CreateAsync(WebhookGen.ConfigMaps("mutate-ns"), WebhookGen.ConfigMap("patched"));
        var (_, updated) = await _api.MergePatchAsync(WebhookGen.ConfigMaps("mutate-ns") + "/patched", new JsonObject { ["data"] = new JsonObject { ["value"] = "2" } });

        created["metadata"]!["labels"]!["mutated"]!.GetValue<string>().Should().Be("yes");
        updated!["data"]!["value"]!.GetValue<string>().Should().Be("2");
        var stored = (await _api.GetAsync(WebhookGen.ConfigMaps("mutate-ns") + "/patched")).Body!;
        stored["metadata"]!["labels"]!["mutated"]!.GetValue<string>().Should().Be("yes");
        var validated = _webhook.RequestsTo("/allow").ToList();
        validated.Select(r => r["operation"]!.GetValue<string>()).Should().Equal("CREATE", "UPDATE");
        validated[0]["object"]!["metadata"]!["labels"]!["mutated"]!.GetValue<string>().Should().Be("yes");
        validated[1]["oldObject"]!["data"]!["value"]!.GetValue<string>().Should().Be("1");
    }

    [Fact]
    public async Task The_AdmissionReview_request_names_the_resource_the_operation_and_the_user()
    {
        await SetUpAsync("review-ns", "ValidatingWebhookConfiguration", WebhookGen.Webhook("allow.example.com", _webhook.Url("/allow"), _webhook.CaBundle, "review-ns"));

        await _api.CreateAsync(WebhookGen.ConfigMaps("review-ns"), WebhookGen.ConfigMap("reviewed"));

        var request = _webhook.RequestsTo("/allow").Single(r => r["namespace"]?.GetValue<string>() == "review-ns");
        request["uid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        request["kind"]!.ToJsonString().Should().Be("""{"group":"","version":"v1","kind":"ConfigMap"}""");
        request["resource"]!.ToJsonString().Should().Be("""{"group":"","version":"v1","resource":"configmaps"}""");
        request["name"]!.GetValue<string>().Should().Be("reviewed");
        request["operation"]!.GetValue<string>().Should().Be("CREATE");
        request["userInfo"]!["username"]!.GetValue<string>().Should().Be("admin");
        request["object"]!["metadata"]!["uid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        request["oldObject"].Should().BeNull();
        request["dryRun"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Rules_and_namespaceSelector_decide_which_requests_are_sent()
    {
        await SetUpAsync("rules-ns", "ValidatingWebhookConfiguration",
            WebhookGen.Webhook("update-only.example.com", _webhook.Url("/deny"), _webhook.CaBundle, "rules-ns", operations: ["UPDATE"]),
            WebhookGen.Webhook("secrets-only.example.com", _webhook.Url("/deny"), _webhook.CaBundle, "rules-ns", resource: "secrets"));
        await _api.CreateAsync("/api/v1/namespaces", WebhookGen.Namespace("rules-other"));

        await _api.CreateAsync(WebhookGen.ConfigMaps("rules-ns"), WebhookGen.ConfigMap("created"));
        var (status, body) = await _api.MergePatchAsync(WebhookGen.ConfigMaps("rules-ns") + "/created", new JsonObject { ["data"] = new JsonObject { ["value"] = "2" } });
        await _api.CreateAsync(WebhookGen.ConfigMaps("rules-other"), WebhookGen.ConfigMap("elsewhere"));

        status.Should().Be(HttpStatusCode.BadRequest);
        body!["message"]!.GetValue<string>().Should().StartWith("admission webhook \"update-only.example.com\" denied the request");
        (await _api.GetAsync(WebhookGen.ConfigMaps("rules-ns") + "/created")).Body!["data"]!["value"]!.GetValue<string>().Should().Be("1");
    }

    [Fact]
    public async Task An_unreachable_webhook_fails_the_request_unless_failurePolicy_is_Ignore()
    {
        await SetUpAsync("unreachable-ns", "ValidatingWebhookConfiguration",
            WebhookGen.Webhook("ignored.example.com", "https://127.0.0.1:9/nothing", _webhook.CaBundle, "unreachable-ns", failurePolicy: "Ignore"));
        await _api.CreateAsync(WebhookGen.ConfigMaps("unreachable-ns"), WebhookGen.ConfigMap("admitted"));
        await _api.CreateAsync(WebhookGen.ValidatingPath, WebhookGen.Configuration("ValidatingWebhookConfiguration", "unreachable-ns-fail",
            WebhookGen.Webhook("failing.example.com", "https://127.0.0.1:9/nothing", _webhook.CaBundle, "unreachable-ns")));

        var (status, body) = await _api.PostAsync(WebhookGen.ConfigMaps("unreachable-ns"), WebhookGen.ConfigMap("refused"));

        status.Should().Be(HttpStatusCode.InternalServerError);
        body!["reason"]!.GetValue<string>().Should().Be("InternalError");
        body["message"]!.GetValue<string>().Should().StartWith("Internal error occurred: failed calling webhook \"failing.example.com\": failed to call webhook: Post \"https://127.0.0.1:9/nothing?timeout=5s\"");
    }

    [Fact]
    public async Task A_webhook_whose_certificate_the_caBundle_does_not_trust_is_a_failed_call()
    {
        await using var other = await TinyWebhook.StartAsync();
        await SetUpAsync("untrusted-ns", "ValidatingWebhookConfiguration", WebhookGen.Webhook("untrusted.example.com", _webhook.Url("/allow"), other.CaBundle, "untrusted-ns"));

        var (status, body) = await _api.PostAsync(WebhookGen.ConfigMaps("untrusted-ns"), WebhookGen.ConfigMap("refused"));

        status.Should().Be(HttpStatusCode.InternalServerError, body?.ToJsonString());
        _webhook.RequestsTo("/allow").Should().NotContain(r => r["namespace"]!.GetValue<string>() == "untrusted-ns");
    }

    [Fact]
    public async Task Webhook_configurations_get_the_apiservers_defaults_and_need_sideEffects()
    {
        var created = await _api.CreateAsync(WebhookGen.MutatingPath, WebhookGen.Configuration("MutatingWebhookConfiguration", "defaults",
            WebhookGen.Webhook("defaults.example.com", _webhook.Url("/allow"), _webhook.CaBundle, "nowhere")));
        var hook = created["webhooks"]![0]!;
        (hook["matchPolicy"]!.GetValue<string>(), hook["reinvocationPolicy"]!.GetValue<string>(), hook["rules"]![0]!["scope"]!.GetValue<string>(), hook["objectSelector"]!.ToJsonString())
            .Should().Be(("Equivalent", "Never", "*", "{}"));
        created["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);

        var invalid = WebhookGen.Configuration("ValidatingWebhookConfiguration", "invalid", WebhookGen.Webhook("invalid.example.com", _webhook.Url("/allow"), _webhook.CaBundle, "nowhere"));
        invalid["webhooks"]![0]!.AsObject().Remove("sideEffects");
        var (status, body) = await _api.PostAsync(WebhookGen.ValidatingPath, invalid);
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        body!["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("webhooks[0].sideEffects");
    }

    private async Task SetUpAsync(string ns, string kind, params JsonObject[] webhooks)
    {
        await _api.CreateAsync("/api/v1/namespaces", WebhookGen.Namespace(ns));
        await _api.CreateAsync(kind == "MutatingWebhookConfiguration" ? WebhookGen.MutatingPath : WebhookGen.ValidatingPath, WebhookGen.Configuration(kind, ns, webhooks));
    }
}
