using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

/// <summary>The repository's generated cert-manager CRDs (config/crds) applied and used through kubectl.</summary>
public sealed class CertManagerCrdTests : IAsyncLifetime
{
    private KubeApiServer _server = null!;
    private string _dir = null!;

    private static string CrdDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CertOperator.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "config", "crds");
        }
    }

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync();
        _dir = Directory.CreateTempSubdirectory("cert-manager-tests-").FullName;
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

    [Fact]
    public async Task Certificates_print_cert_manager_columns_and_resolve_short_names_and_categories()
    {
        var kustomized = File.Exists(Path.Combine(CrdDirectory, "kustomization.yaml"));
        (await Kubectl("apply", kustomized ? "-k" : "-f", CrdDirectory)).Should().Contain("certificates.cert-manager.io created");

        var manifest = Path.Combine(_dir, "cert.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: selfsigned
            spec:
              selfSigned: {}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: web
            spec:
              secretName: web-tls
              dnsNames: [example.com]
              issuerRef:
                name: selfsigned
            """);
        await Kubectl("apply", "-f", manifest);

        var table = await Kubectl("get", "certificates");
        table.Should().MatchRegex(@"NAME\s+READY\s+SECRET\s+EXPIRATION\s+AGE");
        table.Should().MatchRegex(@"web\s+web-tls\s+\d+s");
        (await Kubectl("get", "certificates", "-o", "wide")).Should().MatchRegex(@"NAME\s+READY\s+SECRET\s+ISSUER\s+STATUS\s+EXPIRATION\s+AGE").And.MatchRegex(@"web\s+web-tls\s+selfsigned");
        (await Kubectl("get", "certs")).Should().Contain("web-tls");
        (await Kubectl("get", "cert-manager")).Should().Contain("certificate.cert-manager.io/web").And.Contain("issuer.cert-manager.io/selfsigned");
        (await Kubectl("get", "certificate", "web", "-o", "jsonpath={.spec.issuerRef.group}")).Should().BeEmpty("like cert-manager's CRD, ours does not default the group");
    }
}
