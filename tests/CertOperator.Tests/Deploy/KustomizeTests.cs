using CertOperator.Testing;
using YamlDotNet.RepresentationModel;

namespace CertOperator.Tests.Deploy;

/// <summary>`kubectl kustomize config/default` (offline) renders a complete, locked-down install.</summary>
public sealed class KustomizeTests
{
    private static readonly Lazy<Task<List<YamlMappingNode>>> Rendered = new(RenderAsync);

    private static async Task<List<YamlMappingNode>> RenderAsync()
    {
        var result = (await ExternalCommand.RunAsync("kubectl", ["kustomize", RepoPaths.Combine("config", "default")])).EnsureSuccess();
        var stream = new YamlStream();
        stream.Load(new StringReader(result.StdOut));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static async Task<YamlMappingNode> SingleAsync(string kind, string name)
    {
        var docs = await Rendered.Value;
        return docs.Should().ContainSingle(d => Str(d, "kind") == kind && Str(d, "metadata", "name") == name,
            $"config/default must render {kind}/{name}").Subject;
    }

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

    [Fact]
    public async Task Renders_the_namespace_crds_and_rbac()
    {
        var docs = await Rendered.Value;
        await SingleAsync("Namespace", "certoperator-system");
        docs.Where(d => Str(d, "kind") == "CustomResourceDefinition").Select(d => Str(d, "metadata", "name")).Should().BeEquivalentTo(
            "certificates.cert-manager.io", "certificaterequests.cert-manager.io", "issuers.cert-manager.io",
            "clusterissuers.cert-manager.io", "orders.acme.cert-manager.io", "challenges.acme.cert-manager.io");

        Str(await SingleAsync("ServiceAccount", "certoperator"), "metadata", "namespace").Should().Be("certoperator-system");
        var role = await SingleAsync("Role", "certoperator-leader-election");
        Str(role, "metadata", "namespace").Should().Be("certoperator-system");
        ((YamlSequenceNode)At(role, "rules")!).Children.Should().ContainSingle()
            .Which.Should().BeOfType<YamlMappingNode>().Which.Children[new YamlScalarNode("resources")].ToString().Should().Contain("leases");

        var binding = await SingleAsync("ClusterRoleBinding", "certoperator-controller");
        Str(binding, "roleRef", "name").Should().Be("certoperator-controller");
        var subject = ((YamlSequenceNode)At(binding, "subjects")!).Children.Single();
        Str(subject, "name").Should().Be("certoperator");
        Str(subject, "namespace").Should().Be("certoperator-system");
    }

    [Fact]
    public async Task Cluster_role_is_least_privilege()
    {
        var rules = (YamlSequenceNode)At(await SingleAsync("ClusterRole", "certoperator-controller"), "rules")!;
        var scalars = rules.Children.SelectMany(r => ((YamlMappingNode)r).Children.Values)
            .SelectMany(v => ((YamlSequenceNode)v).Children).Select(s => ((YamlScalarNode)s).Value).ToList();

        scalars.Should().NotContain("*", "no wildcard groups, resources or verbs");
        scalars.Should().Contain(["secrets", "certificates/status", "orders/finalizers", "ingresses", "events", "pods", "services"]);
        scalars.Should().NotContain(["nodes", "clusterroles", "escalate", "impersonate", "bind"]);
    }

    [Fact]
    public async Task Deployment_runs_non_root_read_only_with_probes_and_limits()
    {
        var deployment = await SingleAsync("Deployment", "certoperator");
        Str(deployment, "metadata", "namespace").Should().Be("certoperator-system");
        var pod = At(deployment, "spec", "template", "spec")!;
        Str(pod, "serviceAccountName").Should().Be("certoperator");
        Str(pod, "securityContext", "runAsNonRoot").Should().Be("true");

        var container = ((YamlSequenceNode)At(pod, "containers")!).Children.Single();
        Str(container, "image").Should().Be("certoperator:dev");
        Str(container, "securityContext", "readOnlyRootFilesystem").Should().Be("true");
        Str(container, "securityContext", "allowPrivilegeEscalation").Should().Be("false");
        At(container, "securityContext", "capabilities", "drop")!.ToString().Should().Contain("ALL");
        Str(container, "livenessProbe", "httpGet", "path").Should().Be("/livez");
        Str(container, "readinessProbe", "httpGet", "path").Should().Be("/readyz");
        var ports = ((YamlSequenceNode)At(container, "ports")!).Children.ToDictionary(p => Str(p, "name")!, p => Str(p, "containerPort"));
        ports.Should().Equal(new Dictionary<string, string?> { ["http-metrics"] = "9402", ["http-healthz"] = "9403" }, "cert-manager's ports: the operator's defaults");
        Str(container, "livenessProbe", "httpGet", "port").Should().Be("http-healthz");
        Str(container, "readinessProbe", "httpGet", "port").Should().Be("http-healthz");
        Str(container, "resources", "requests", "memory").Should().NotBeNullOrEmpty();
        Str(container, "resources", "limits", "memory").Should().NotBeNullOrEmpty();
        Str(container, "resources", "limits", "cpu").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Metrics_service_and_service_monitor_reach_the_deployments_metrics_port()
    {
        var deployment = await SingleAsync("Deployment", "certoperator");
        var podLabels = Labels(At(deployment, "spec", "template", "metadata", "labels"));
        var service = await SingleAsync("Service", "certoperator");
        Str(service, "metadata", "namespace").Should().Be("certoperator-system");
        var selector = Labels(At(service, "spec", "selector"));
        selector.Should().NotBeEmpty().And.Subject.Should().OnlyContain(l => podLabels.Contains(l), "the Service selects the controller pods");
        var port = ((YamlSequenceNode)At(service, "spec", "ports")!).Children.Should().ContainSingle().Subject;
        (Str(port, "name"), Str(port, "port"), Str(port, "targetPort")).Should().Be(("http-metrics", "9402", "http-metrics"), "cert-manager's Service port");

        var stream = new YamlStream();
        stream.Load(new StringReader(await File.ReadAllTextAsync(RepoPaths.Combine("config", "prometheus", "servicemonitor.yaml"))));
        var monitor = (YamlMappingNode)stream.Documents.Single().RootNode;
        (Str(monitor, "apiVersion"), Str(monitor, "kind")).Should().Be(("monitoring.coreos.com/v1", "ServiceMonitor"));
        Str(monitor, "metadata", "namespace").Should().Be("certoperator-system");
        var serviceLabels = Labels(At(service, "metadata", "labels"));
        Labels(At(monitor, "spec", "selector", "matchLabels")).Should().OnlyContain(l => serviceLabels.Contains(l), "the ServiceMonitor selects the Service");
        var endpoint = ((YamlSequenceNode)At(monitor, "spec", "endpoints")!).Children.Should().ContainSingle().Subject;
        (Str(endpoint, "targetPort"), Str(endpoint, "path")).Should().Be(("http-metrics", "/metrics"));
    }

    private static HashSet<(string, string)> Labels(YamlNode? node) =>
        ((YamlMappingNode)node!).Children.Select(c => (((YamlScalarNode)c.Key).Value!, ((YamlScalarNode)c.Value).Value!)).ToHashSet();
}
