using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

/// <summary>Drives the server with the real kubectl 1.32 (no CRDs preinstalled: kubectl applies them).</summary>
public sealed class KubectlTests : IAsyncLifetime
{
    private KubeApiServer _server = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync();
        _dir = Directory.CreateTempSubdirectory("kubectl-tests-").FullName;
        var applied = await Kubectl("apply", "-f", Path.Combine(ServerFixture.TestDataDirectory, "widget-crd.yaml"));
        applied.Should().Contain("customresourcedefinition.apiextensions.k8s.io/widgets.demo.example.com created");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<string> Kubectl(params string[] args)
    {
        var (exit, stdout, stderr) = await _server.RunKubectlAsync(args);
        exit.Should().Be(0, $"kubectl {string.Join(' ', args)} failed: {stderr}");
        return stdout;
    }

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task Apply_get_wide_short_names_categories_and_delete()
    {
        var file = Write("w1.yaml", "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 3\n  note: hello\n");
        (await Kubectl("apply", "-f", file)).Should().Contain("widget.demo.example.com/w1 created");
        (await Kubectl("apply", "-f", file)).Should().Contain("unchanged");
        File.WriteAllText(file, File.ReadAllText(file).Replace("size: 3", "size: 4", StringComparison.Ordinal));
        (await Kubectl("apply", "-f", file)).Should().Contain("configured");

        var table = await Kubectl("get", "widgets");
        table.Should().MatchRegex(@"NAME\s+READY\s+SIZE\s+EXPIRES\s+AGE");
        table.Should().MatchRegex(@"w1\s+4\s+\d+s");
        (await Kubectl("get", "wd", "-o", "wide")).Should().MatchRegex(@"NAME\s+READY\s+SIZE\s+NOTE\s+EXPIRES\s+AGE");
        (await Kubectl("get", "demo")).Should().Contain("w1");

        (await Kubectl("delete", "widget", "w1")).Should().Contain("\"w1\" deleted");
        var (_, stdout, stderr) = await _server.RunKubectlAsync("get", "wd");
        (stdout + stderr).Should().Contain("No resources found");
    }

    [Fact]
    public async Task Invalid_object_is_reported_with_field_paths()
    {
        var file = Write("bad.yaml", "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: bad\nspec:\n  size: 30\n  color: green\n");
        var (exit, _, stderr) = await _server.RunKubectlAsync("apply", "-f", file);
        exit.Should().NotBe(0);
        stderr.Should().Contain("spec.color: Unsupported value: \"green\"").And.Contain("spec.size: Invalid value: 30");
    }

    [Fact]
    public async Task Annotate_and_label_an_ingress()
    {
        var file = Write("ing.yaml", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - host: example.com\n");
        await Kubectl("apply", "-f", file);
        (await Kubectl("annotate", "ingress", "web", "cert-manager.io/cluster-issuer=ca")).Should().Contain("annotated");
        (await Kubectl("label", "ingress", "web", "team=web")).Should().Contain("labeled");
        (await Kubectl("get", "ingress", "web", "-o", "jsonpath={.metadata.annotations.cert-manager\\.io/cluster-issuer} {.metadata.labels.team}")).Should().Be("ca web");
        (await Kubectl("get", "ing")).Should().MatchRegex(@"web\s+<none>\s+example.com");
    }

    [Fact]
    public async Task Create_secret_from_literals_uses_protobuf_and_works()
    {
        (await Kubectl("create", "secret", "generic", "creds", "--from-literal=user=admin")).Should().Contain("secret/creds created");
        (await Kubectl("get", "secret", "creds", "-o", "jsonpath={.data.user}")).Should().Be("YWRtaW4=");
        (await Kubectl("get", "secrets")).Should().MatchRegex(@"creds\s+Opaque\s+1");
    }

    [Fact]
    public async Task Watch_with_request_timeout_ends_cleanly()
    {
        var started = DateTime.UtcNow;
        var (exit, _, stderr) = await _server.RunKubectlAsync("get", "widgets", "-w", "--request-timeout=3s");
        exit.Should().Be(0, stderr);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Explain_reads_the_CRD_schema()
    {
        (await Kubectl("explain", "widgets.spec")).Should().Contain("KIND:       Widget").And.MatchRegex(@"size\s+<integer> -required-").And.Contain("enum: red, blue");
    }

    [Fact]
    public async Task Server_side_apply_through_kubectl()
    {
        var file = Write("ssa.yaml", "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: ssa\nspec:\n  size: 2\n");
        (await Kubectl("apply", "--server-side", "-f", file)).Should().Contain("serverside-applied");
        (await Kubectl("get", "wd", "ssa", "-o", "jsonpath={.spec.color}")).Should().Be("red");
    }

    [Fact]
    public async Task Describe_lists_events_about_the_object()
    {
        var file = Write("described.yaml", "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: described\nspec:\n  size: 1\n");
        await Kubectl("apply", "-f", file);
        var uid = await Kubectl("get", "wd", "described", "-o", "jsonpath={.metadata.uid}");
        var eventFile = Write("event.yaml", $$"""
            apiVersion: v1
            kind: Event
            metadata: {name: described.1}
            involvedObject: {apiVersion: demo.example.com/v1, kind: Widget, name: described, namespace: default, uid: "{{uid}}"}
            reason: Issued
            message: Certificate issued successfully
            type: Normal
            source: {component: cert-operator}
            count: 1
            """);
        await Kubectl("create", "-f", eventFile);
        (await Kubectl("describe", "widget", "described")).Should().MatchRegex(@"Normal\s+Issued\s+.*cert-operator\s+Certificate issued successfully");
    }

    [Fact]
    public async Task Server_dry_run_validates_without_creating()
    {
        var file = Write("dry.yaml", "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: dry\nspec:\n  size: 2\n");
        (await Kubectl("apply", "--dry-run=server", "-f", file)).Should().Contain("widget.demo.example.com/dry created (server dry run)");
        var (_, stdout, stderr) = await _server.RunKubectlAsync("get", "wd", "dry");
        (stdout + stderr).Should().Contain("NotFound");
    }
}
