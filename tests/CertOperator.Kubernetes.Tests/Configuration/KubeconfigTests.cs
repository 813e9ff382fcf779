using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Tests.Support;

namespace CertOperator.Kubernetes.Tests.Configuration;

public sealed class KubeconfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static string Config(string current, string clusters, string users, string contexts) => $"""
        apiVersion: v1
        kind: Config
        current-context: {current}
        clusters:
        {clusters}
        users:
        {users}
        contexts:
        {contexts}
        """;

    private static string Cluster(string name, string server, string extra = "") =>
        $"- name: {name}\n  cluster:\n    server: {server}\n{extra}";

    private static string User(string name, string body) => $"- name: {name}\n  user:\n{body}";

    private static string Context(string name, string cluster, string user, string ns = "default") =>
        $"- name: {name}\n  context:\n    cluster: {cluster}\n    user: {user}\n    namespace: {ns}";

    private static KubeconfigOptions FromEnv(params string[] files) => new()
    {
        Environment = name => name == "KUBECONFIG" ? string.Join(Path.PathSeparator, files) : null,
    };

    [Fact]
    public void Current_context_selects_cluster_user_and_namespace()
    {
        var file = _dir.Write("config", Config(
            "dev",
            Cluster("c1", "https://one.example:6443"),
            User("u1", "    token: abc"),
            Context("dev", "c1", "u1", ns: "team-a")));

        var config = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file] });

        config.Server.Should().Be(new Uri("https://one.example:6443"));
        config.Namespace.Should().Be("team-a");
        config.BearerToken.Should().Be("abc");
        config.ToString().Should().NotContain("abc");
    }

    [Fact]
    public void An_explicit_context_overrides_current_context()
    {
        var file = _dir.Write("config", Config(
            "dev",
            Cluster("c1", "https://one.example") + "\n" + Cluster("c2", "https://two.example"),
            User("u1", "    token: abc"),
            Context("dev", "c1", "u1") + "\n" + Context("prod", "c2", "u1")));

        var config = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file], Context = "prod" });

        config.Server.Host.Should().Be("two.example");
    }

    [Fact]
    public void KUBECONFIG_files_merge_with_the_first_definition_winning()
    {
        var first = _dir.Write("a", Config(
            "ctx", Cluster("shared", "https://first.example"), User("u", "    token: first-token"), Context("ctx", "shared", "u")));
        var second = _dir.Write("b", Config(
            "other", Cluster("shared", "https://second.example") + "\n" + Cluster("extra", "https://extra.example"),
            User("u", "    token: second-token"), Context("other", "extra", "u")));

        var merged = KubernetesClientConfiguration.FromKubeconfig(FromEnv(first, second));
        var other = KubernetesClientConfiguration.FromKubeconfig(FromEnv(first, second) with { Context = "other" });

        merged.Server.Host.Should().Be("first.example", "current-context and the cluster come from the first file that sets them");
        merged.BearerToken.Should().Be("first-token");
        other.Server.Host.Should().Be("extra.example", "names only the second file defines are still available");
    }

    [Fact]
    public void Missing_KUBECONFIG_entries_are_skipped()
    {
        var real = _dir.Write("real", Config("c", Cluster("c", "https://x.example"), User("u", "    token: t"), Context("c", "c", "u")));

        var config = KubernetesClientConfiguration.FromKubeconfig(FromEnv(Path.Combine(_dir.Path, "missing"), real));

        config.Server.Host.Should().Be("x.example");
    }

    [Fact]
    public void Client_certificate_ca_and_token_file_are_loaded_relative_to_the_kubeconfig()
    {
        var (caPem, _) = TestCertificates.SelfSigned("ca");
        var (certPem, keyPem) = TestCertificates.SelfSigned("client");
        _dir.Write("ca.crt", caPem);
        _dir.Write("token", "file-token\n");
        var file = _dir.Write("config", Config(
            "c",
            Cluster("c", "https://x.example", "    certificate-authority: ca.crt"),
            User("u", $"    client-certificate-data: {TestCertificates.Base64(certPem)}\n    client-key-data: {TestCertificates.Base64(keyPem)}\n    tokenFile: token"),
            Context("c", "c", "u")));

        var config = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file] });

        config.CaCertificates.Should().ContainSingle().Which.Subject.Should().Be("CN=ca");
        config.ClientCertificate!.Subject.Should().Be("CN=client");
        config.ClientCertificate.HasPrivateKey.Should().BeTrue();
        config.TokenFile.Should().Be(Path.Combine(_dir.Path, "token"));
    }

    [Fact]
    public void Insecure_skip_tls_verify_and_exec_plugin_settings_are_read()
    {
        var file = _dir.Write("config", Config(
            "c",
            Cluster("c", "https://x.example", "    insecure-skip-tls-verify: true"),
            User("u", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: get-token\n      args: [\"--cluster\", \"x\"]\n      env:\n      - name: REGION\n        value: eu\n      installHint: install get-token"),
            Context("c", "c", "u")));

        var config = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file] });

        config.SkipTlsVerify.Should().BeTrue();
        config.Exec!.Command.Should().Be("get-token");
        config.Exec.Args.Should().Equal("--cluster", "x");
        config.Exec.Env.Should().Contain("REGION", "eu");
        config.Exec.InstallHint.Should().Be("install get-token");
    }

    [Theory]
    [InlineData("unknown-context", "context 'unknown-context' not found (defined: c, dangling)")]
    [InlineData("dangling", "refers to cluster 'nowhere', which is not defined")]
    public void Broken_references_name_what_is_missing(string context, string expected)
    {
        var file = _dir.Write("config", Config(
            "c", Cluster("c", "https://x.example"), User("u", "    token: t"), Context("c", "c", "u") + "\n" + Context("dangling", "nowhere", "u")));

        var act = () => KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file], Context = context });

        act.Should().Throw<KubernetesConfigurationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void No_configuration_at_all_names_the_variables_and_paths_tried()
    {
        var home = Path.Combine(_dir.Path, "home");
        var act = () => KubernetesClientConfiguration.Load(
            new KubeconfigOptions { Environment = name => name == "HOME" ? home : null },
            new InClusterOptions { Environment = _ => null });

        act.Should().Throw<KubernetesConfigurationException>()
            .Which.Message.Should().Contain("KUBERNETES_SERVICE_HOST").And.Contain("KUBECONFIG").And.Contain(Path.Combine(home, ".kube", "config"));
    }

    [Fact]
    public void Invalid_yaml_names_the_file()
    {
        var file = _dir.Write("config", "clusters: [unterminated");

        var act = () => KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file] });

        act.Should().Throw<KubernetesConfigurationException>().WithMessage($"*{file}*not valid YAML*");
    }

    public void Dispose() => _dir.Dispose();
}
