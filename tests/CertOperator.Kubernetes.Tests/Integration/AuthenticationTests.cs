using System.Globalization;
using System.Runtime.Versioning;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Integration;

/// <summary>Credentials from KubernetesClient's pipeline on requests our transport sends, and what we add on top.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class AuthenticationTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Kubeconfig(string user, string clusterExtra = "", string? caPem = null) =>
        _dir.Write("config", KubeconfigYaml.For(fixture.Cluster.Server.BaseAddress.ToString(), caPem ?? fixture.Cluster.Server.CaCertificatePem, user, clusterExtra));

    /// <summary>A credential plugin that logs each run and prints the server's token, valid for <paramref name="validFor"/>.</summary>
    private string ExecUser(TimeSpan validFor)
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "bin"));
        var expires = DateTime.UtcNow.Add(validFor).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var script = _dir.Write("bin/get-token", $$$"""
            #!/bin/sh
            echo run >> "{{{_dir.Path}}}/runs"
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"{{{expires}}}"}}' "$TOKEN"
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return $"""
                  exec:
                    apiVersion: client.authentication.k8s.io/v1
                    command: ./bin/get-token
                    env:
                    - name: TOKEN
                      value: {fixture.Cluster.Server.Token}
            """;
    }

    private int PluginRuns => File.ReadAllLines(Path.Combine(_dir.Path, "runs")).Length;

    [Fact]
    public async Task An_exec_plugin_token_authenticates_and_is_fetched_again_when_it_expires()
    {
        var config = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Kubeconfig(ExecUser(TimeSpan.FromSeconds(5)))] });
        using var client = new KubernetesClient(config);

        await client.ListAsync<ConfigMap>("default");
        var runsAfterFirst = PluginRuns;
        await client.ListAsync<ConfigMap>("default");

        PluginRuns.Should().BeGreaterThan(runsAfterFirst, "a token within 30 s of its expirationTimestamp is fetched afresh");
    }

    [Fact]
    public async Task A_long_lived_exec_token_is_reused()
    {
        var config = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Kubeconfig(ExecUser(TimeSpan.FromHours(1)))] });
        using var client = new KubernetesClient(config);

        await client.ListAsync<ConfigMap>("default");
        var runsAfterFirst = PluginRuns;
        await client.ListAsync<ConfigMap>("default");
        await client.ListAsync<ConfigMap>("default");

        PluginRuns.Should().Be(runsAfterFirst);
    }

    [Fact]
    public async Task A_401_reloads_the_kubeconfig_once_and_succeeds_with_the_new_token()
    {
        var path = Kubeconfig("        token: stale-token");
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] }));
        Kubeconfig($"        token: {fixture.Cluster.Server.Token}");

        var list = await client.ListAsync<ConfigMap>("default");

        list.Items.Should().NotBeNull();
    }

    [Fact]
    public async Task A_rejected_token_is_a_401_that_does_not_leak_the_token()
    {
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Kubeconfig("        token: wrong-token-value")] }));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<ConfigMap>("default"));

        error.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        error.ToString().Should().NotContain("wrong-token-value");
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("not-in-the-certificate.example", false)]
    public async Task Tls_server_name_is_the_name_the_server_certificate_is_checked_against(string serverName, bool accepted)
    {
        var path = Kubeconfig($"        token: {fixture.Cluster.Server.Token}", $"    tls-server-name: {serverName}");
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] }));

        var list = () => client.ListAsync<ConfigMap>("default");

        if (accepted)
        {
            await list.Should().NotThrowAsync();
        }
        else
        {
            await list.Should().ThrowAsync<HttpRequestException>();
        }
    }

    [Fact]
    public async Task Every_certificate_of_a_CA_bundle_is_trusted()
    {
        var (otherCa, _) = TestCertificates.SelfSigned("an older CA");
        var path = Kubeconfig($"        token: {fixture.Cluster.Server.Token}", caPem: otherCa + "\n" + fixture.Cluster.Server.CaCertificatePem);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] }));

        var list = await client.ListAsync<ConfigMap>("default");

        list.Items.Should().NotBeNull();
    }

    [Fact]
    public async Task A_server_certificate_the_kubeconfig_CA_did_not_sign_is_rejected()
    {
        var (otherCa, _) = TestCertificates.SelfSigned("a CA the server does not use");
        var path = Kubeconfig($"        token: {fixture.Cluster.Server.Token}", caPem: otherCa);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] }));

        var list = () => client.ListAsync<ConfigMap>("default");

        await list.Should().ThrowAsync<HttpRequestException>();
    }

    public void Dispose() => _dir.Dispose();
}
