using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Testing;
using CertOperator.Testing.Processes;
using CertOperator.Testing.RealKube;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Xunit.Abstractions;

namespace CertOperator.Image.Tests;

/// <summary>
/// The built image run as a cluster runs it: non-root, read-only root filesystem, no capabilities, the
/// ServiceAccount's kubeconfig mounted read-only, against kube-apiserver 1.24 under config/rbac. It issues a
/// Certificate, and /metrics and /readyz are scraped from the container's listeners.
/// </summary>
public sealed class OperatorContainerTests(ImageEnvironment env, ITestOutputHelper output) : IClassFixture<ImageEnvironment>
{
    private const string Issuer = """
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: image-selfsigned
        spec:
          selfSigned: {}
        """;

    private const string Certificate = """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: image-web
          namespace: default
        spec:
          secretName: image-web-tls
          dnsNames: [image.example.com]
          issuerRef:
            name: image-selfsigned
            kind: ClusterIssuer
        """;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task The_image_issues_a_certificate_as_non_root_on_a_read_only_root_and_serves_metrics_and_readyz()
    {
        var metricsPort = FreePort.Next();
        var healthPort = FreePort.Next();
        var kubeconfigFolder = ReadableCopy(env.Kube.OperatorKubeconfig);
        await using var container = new ContainerBuilder(OperatorImage.Name)
            .WithDockerEndpoint(env.Podman.Endpoint.ToString())
            .WithCreateParameterModifier(create =>
            {
                // Host networking reaches the loopback kube-apiserver; podman's compat API takes it as a mode, not a network.
                create.HostConfig ??= new HostConfig();
                create.HostConfig.NetworkMode = "host";
                create.HostConfig.ReadonlyRootfs = true;
                create.HostConfig.CapDrop = ["ALL"];
                create.HostConfig.SecurityOpt = ["no-new-privileges"];
            })
            .WithBindMount(kubeconfigFolder, "/etc/certoperator", AccessMode.ReadOnly)
            .WithEnvironment("POD_NAMESPACE", RealKubeApiServer.OperatorNamespace)
            .WithCommand(
                "run", "--kubeconfig", "/etc/certoperator/kubeconfig",
                "--metrics-listen-address", $"127.0.0.1:{metricsPort}", "--internal-healthz-listen-address", $"127.0.0.1:{healthPort}")
            .Build();

        var started = Stopwatch.StartNew();
        await container.StartAsync();
        await EventuallyAsync(container, async () => await GetAsync($"http://127.0.0.1:{healthPort}/readyz") == "ok", TimeSpan.FromSeconds(60), "/readyz answers ok");
        var readyz = started.Elapsed;

        await ApplyAsync(Issuer);
        await ApplyAsync(Certificate);
        await env.Kube.KubectlAsync(["wait", "--for=condition=Ready", "certificate/image-web", "-n", "default", "--timeout=120s"], CancellationToken.None);
        var certificateReady = started.Elapsed;

        var crt = await env.Kube.KubectlAsync(["get", "secret", "image-web-tls", "-n", "default", "-o", "jsonpath={.data.tls\\.crt}"], CancellationToken.None);
        using var leaf = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(crt)));
        leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false).Should().Be("image.example.com");
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime()).ToUnixTimeSeconds();

        IReadOnlyList<Sample> samples = [];
        await EventuallyAsync(container, async () =>
        {
            samples = PrometheusText.Parse(await GetAsync($"http://127.0.0.1:{metricsPort}/metrics"), out _);
            return samples.Any(s => s.Name == "certmanager_certificate_ready_status" && s["name"] == "image-web" && s["condition"] == "True" && s.Value == 1);
        }, TimeSpan.FromSeconds(30), "/metrics reports image-web Ready");
        samples.Single(s => s.Name == "certmanager_certificate_expiration_timestamp_seconds" && s["name"] == "image-web").Value
            .Should().Be(notAfter, "the expiry series is the issued certificate's notAfter");
        samples.Should().Contain(s => s.Name == "certmanager_clusterissuer_ready_status" && s["name"] == "image-selfsigned" && s["condition"] == "True" && s.Value == 1);
        (await GetAsync($"http://127.0.0.1:{healthPort}/livez")).Should().Be("ok");

        var user = await container.ExecAsync(["id", "-u"]);
        user.Stdout.Trim().Should().Be("1654", "the image runs as the non-root user 1654");
        var write = await container.ExecAsync(["touch", "/usr/local/bin/probe"]);
        write.ExitCode.Should().NotBe(0, "the root filesystem is read-only");
        write.Stderr.Should().Contain("Read-only file system");

        var (stdout, stderr) = await container.GetLogsAsync();
        (stdout + stderr).Should().NotContain("Forbidden", "config/rbac grants everything the operator does");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"image {OperatorImage.Name}: {env.ImageSize / 1e6:F1} MB; container start → /readyz ok {readyz.TotalMilliseconds:F0} ms, → Certificate Ready {certificateReady.TotalMilliseconds:F0} ms"));
    }

    /// <summary>A folder holding a copy of <paramref name="kubeconfig"/> the container's user (1654) can read; temp folders are private to their owner.</summary>
    private string ReadableCopy(string kubeconfig)
    {
        var folder = Path.Combine(env.Kube.BaseFolder, "image-kubeconfig");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var copy = Path.Combine(folder, "kubeconfig");
        File.Copy(kubeconfig, copy, overwrite: true);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return folder;
    }

    private async Task ApplyAsync(string yaml)
    {
        var file = Path.Combine(env.Kube.BaseFolder, $"{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        await env.Kube.KubectlAsync(["apply", "-f", file], CancellationToken.None);
    }

    private static async Task<string> GetAsync(string url)
    {
        try
        {
            return await Http.GetStringAsync(new Uri(url));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"unreachable: {e.Message}";
        }
    }

    private static async Task EventuallyAsync(IContainer container, Func<Task<bool>> check, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await check())
        {
            if (DateTime.UtcNow > deadline || container.State == TestcontainersStates.Exited)
            {
                var (stdout, stderr) = await container.GetLogsAsync();
                throw new TimeoutException($"{what}: not within {timeout} (container {container.State}):\n{stdout}\n{stderr}");
            }

            await Task.Delay(100);
        }
    }
}
