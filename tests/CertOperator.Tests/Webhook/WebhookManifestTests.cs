using CertOperator.Generation;
using CertOperator.Testing;
using YamlDotNet.RepresentationModel;

namespace CertOperator.Tests.Webhook;

/// <summary>`kubectl kustomize config/default` ships the webhook as cert-manager does, under the names its RBAC allows.</summary>
public sealed class WebhookManifestTests
{
    private static readonly Lazy<Task<List<YamlMappingNode>>> Rendered = new(async () =>
    {
        var result = (await ExternalCommand.RunAsync("kubectl", ["kustomize", RepoPaths.Combine("config", "default")])).EnsureSuccess();
        var stream = new YamlStream();
        stream.Load(new StringReader(result.StdOut));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    });

    [Theory]
    [InlineData("ValidatingWebhookConfiguration", "/validate")]
    [InlineData("MutatingWebhookConfiguration", "/mutate")]
    public async Task Both_configurations_fail_closed_and_call_the_webhook_service(string kind, string path)
    {
        var webhook = Single(((YamlSequenceNode)At(await SingleAsync(kind, OperatorPermissions.WebhookConfiguration), "webhooks")!).Children);

        Str(webhook, "name").Should().Be("webhook.cert-manager.io");
        Str(webhook, "failurePolicy").Should().Be("Fail");
        Str(webhook, "sideEffects").Should().Be("None");
        Str(webhook, "matchPolicy").Should().Be("Equivalent");
        At(webhook, "admissionReviewVersions")!.ToString().Should().Contain("v1");
        Str(webhook, "clientConfig", "service", "name").Should().Be("certoperator-webhook");
        Str(webhook, "clientConfig", "service", "namespace").Should().Be(OperatorPermissions.Namespace);
        Str(webhook, "clientConfig", "service", "path").Should().Be(path);
        At(webhook, "clientConfig", "caBundle").Should().BeNull("the webhook publishes its own CA");
    }

    [Fact]
    public async Task Validation_skips_the_operators_namespace_as_cert_managers_selector_does()
    {
        var webhook = Single(((YamlSequenceNode)At(await SingleAsync("ValidatingWebhookConfiguration", OperatorPermissions.WebhookConfiguration), "webhooks")!).Children);
        var expression = Single(((YamlSequenceNode)At(webhook, "namespaceSelector", "matchExpressions")!).Children);

        Str(expression, "key").Should().Be("cert-manager.io/disable-validation");
        Str(expression, "operator").Should().Be("NotIn");
        Str(await SingleAsync("Namespace", OperatorPermissions.Namespace), "metadata", "labels", "cert-manager.io/disable-validation").Should().Be("true");
        At(webhook, "rules")!.ToString().Should().Contain("cert-manager.io").And.Contain("acme.cert-manager.io").And.Contain("*/*");
    }

    [Fact]
    public async Task The_deployment_runs_the_webhook_verb_as_its_service_account_with_probes_on_the_health_port()
    {
        var pod = At(await SingleAsync("Deployment", "certoperator-webhook"), "spec", "template", "spec")!;
        var container = Single(((YamlSequenceNode)At(pod, "containers")!).Children);
        var args = ((YamlSequenceNode)At(container, "args")!).Children.Select(a => ((YamlScalarNode)a).Value).ToList();

        Str(pod, "serviceAccountName").Should().Be(OperatorPermissions.WebhookServiceAccount);
        args[0].Should().Be("webhook");
        args.Should().Contain($"--dynamic-serving-ca-secret-name={OperatorPermissions.WebhookCaSecret}")
            .And.Contain($"--validating-webhook-configuration-name={OperatorPermissions.WebhookConfiguration}")
            .And.Contain($"--mutating-webhook-configuration-name={OperatorPermissions.WebhookConfiguration}");
        args.Should().Contain(a => a.StartsWith("--dynamic-serving-dns-names=", StringComparison.Ordinal) && a.Contains("certoperator-webhook.$(POD_NAMESPACE).svc", StringComparison.Ordinal));
        Str(container, "livenessProbe", "httpGet", "port").Should().Be("healthcheck");
        Str(container, "readinessProbe", "httpGet", "path").Should().Be("/healthz");
        Str(container, "securityContext", "readOnlyRootFilesystem").Should().Be("true");
        Str(await SingleAsync("Service", "certoperator-webhook"), "metadata", "namespace").Should().Be(OperatorPermissions.Namespace);
    }

    [Fact]
    public async Task Webhook_rbac_names_only_its_own_secret_and_configurations()
    {
        var cluster = (YamlSequenceNode)At(await SingleAsync("ClusterRole", OperatorPermissions.WebhookRole), "rules")!;
        var role = (YamlSequenceNode)At(await SingleAsync("Role", OperatorPermissions.WebhookRole), "rules")!;

        cluster.Children.Should().Contain(r => At(r, "resources")!.ToString().Contains("webhookconfigurations", StringComparison.Ordinal)
            && At(r, "resourceNames")!.ToString().Contains(OperatorPermissions.WebhookConfiguration, StringComparison.Ordinal));
        role.Children.Where(r => !At(r, "verbs")!.ToString().Equals("[ create ]", StringComparison.Ordinal))
            .Should().AllSatisfy(r => At(r, "resourceNames")!.ToString().Should().Contain(OperatorPermissions.WebhookCaSecret));
        (cluster.ToString() + role).Should().NotContain("\"*\"").And.NotContain("delete").And.NotContain("watch");
    }

    private static async Task<YamlMappingNode> SingleAsync(string kind, string name) =>
        (await Rendered.Value).Should().ContainSingle(d => Str(d, "kind") == kind && Str(d, "metadata", "name") == name, $"config/default must render {kind}/{name}").Subject;

    private static YamlNode Single(IEnumerable<YamlNode> nodes) => nodes.Should().ContainSingle().Subject;

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string? Str(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;
}
