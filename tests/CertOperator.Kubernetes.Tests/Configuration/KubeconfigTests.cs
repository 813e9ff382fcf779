using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Tests.Support;

namespace CertOperator.Kubernetes.Tests.Configuration;

/// <summary>What our facade adds to KubernetesClient's kubeconfig loading: file discovery, merging, relative paths, errors.</summary>
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
        config.Settings.AccessToken.Should().Be("abc");
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
        merged.Settings.AccessToken.Should().Be("first-token");
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
    public void File_references_resolve_against_the_kubeconfig_that_holds_them_even_after_a_merge()
    {
        var (caPem, _) = TestCertificates.SelfSigned("ca");
        var (certPem, keyPem) = TestCertificates.SelfSigned("client");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "second"));
        _dir.Write("second/ca.crt", caPem);
        _dir.Write("second/client.crt", certPem);
        _dir.Write("second/client.key", keyPem);
        var first = _dir.Write("first", Config("c", Cluster("unused", "https://unused.example"), User("unused", "    token: t"), Context("unused", "unused", "unused")));
        var second = _dir.Write("second/config", Config(
            "c",
            Cluster("c", "https://x.example", "    certificate-authority: ca.crt"),
            User("u", "    client-certificate: client.crt\n    client-key: client.key"),
            Context("c", "c", "u")));

        var config = KubernetesClientConfiguration.FromKubeconfig(FromEnv(first, second) with { Context = "c" });

        config.CaCertificates.Should().ContainSingle().Which.Subject.Should().Be("CN=ca");
        config.Settings.ClientCertificateFilePath.Should().Be(Path.Combine(_dir.Path, "second", "client.crt"));
        config.Settings.ClientKeyFilePath.Should().Be(Path.Combine(_dir.Path, "second", "client.key"));
    }

    [Theory]
    [InlineData("unknown-context", "unknown-context not found")]
    [InlineData("dangling", "Cluster not found")]
    public void Broken_references_name_the_file_and_what_is_missing(string context, string expected)
    {
        var file = _dir.Write("config", Config(
            "c", Cluster("c", "https://x.example"), User("u", "    token: t"), Context("c", "c", "u") + "\n" + Context("dangling", "nowhere", "u")));

        var act = () => KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file], Context = context });

        act.Should().Throw<KubernetesConfigurationException>().WithMessage($"Kubeconfig {file}: *{expected}*");
    }

    [Fact]
    public void No_current_context_and_no_context_given_is_named()
    {
        var file = _dir.Write("config", Config("\"\"", Cluster("c", "https://x.example"), User("u", "    token: t"), Context("c", "c", "u")));

        var act = () => KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file] });

        act.Should().Throw<KubernetesConfigurationException>().WithMessage($"*{file}*no current-context set and no context given*");
    }

    [Fact]
    public void No_configuration_at_all_names_the_variables_and_paths_tried()
    {
        var home = Path.Combine(_dir.Path, "home");
        var act = () => KubernetesClientConfiguration.Load(new KubeconfigOptions { Environment = name => name == "HOME" ? home : null });

        act.Should().Throw<KubernetesConfigurationException>()
            .Which.Message.Should().Contain("KUBERNETES_SERVICE_HOST").And.Contain("/var/run/secrets/kubernetes.io/serviceaccount")
            .And.Contain("KUBECONFIG").And.Contain(Path.Combine(home, ".kube", "config"));
    }

    [Fact]
    public void Invalid_yaml_names_the_file()
    {
        var file = _dir.Write("config", "clusters: [unterminated");

        var act = () => KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [file] });

        act.Should().Throw<KubernetesConfigurationException>().WithMessage($"Kubeconfig {file}: *");
    }

    public void Dispose() => _dir.Dispose();
}
