using CertOperator.TestApiServer;

namespace CertOperator.Tests.Cli;

/// <summary>`check api` against a cluster where cert-manager's CRDs were never installed.</summary>
public sealed class CheckApiTests
{
    [Fact]
    public async Task Check_api_names_each_missing_crd_and_fails()
    {
        var dir = Directory.CreateTempSubdirectory("cli-check-").FullName;
        var kubeconfig = Path.Combine(dir, "kubeconfig");
        await using (var server = await KubeApiServer.StartAsync(new KubeApiServerOptions()))
        {
            server.WriteKubeconfig(kubeconfig);

            var result = await CliProcess.RunAsync(kubeconfig, "check", "api");

            result.ExitCode.Should().Be(1);
            result.StdErr.Should().Contain("check api: the CRD certificates.cert-manager.io is not installed")
                .And.Contain("clusterissuers.cert-manager.io is not installed").And.NotContain(" at ");
        }

        Directory.Delete(dir, recursive: true);
    }
}
