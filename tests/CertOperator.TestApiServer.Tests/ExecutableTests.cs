using System.Diagnostics;
using System.Globalization;

namespace CertOperator.TestApiServer.Tests;

/// <summary>The standalone server: writes a kubeconfig when ready and stops cleanly on SIGTERM.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task Writes_a_working_kubeconfig_and_exits_on_SIGTERM()
    {
        var dir = Directory.CreateTempSubdirectory("apiserver-exe-").FullName;
        var kubeconfig = Path.Combine(dir, "kubeconfig");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "CertOperator.TestApiServer"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--kubeconfig", kubeconfig, "--port", "0" },
        };
        using var server = Process.Start(start)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(kubeconfig) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            File.Exists(kubeconfig).Should().BeTrue();
            (await File.ReadAllTextAsync(kubeconfig)).Should().Contain("certificate-authority-data:").And.Contain("token:").And.Contain("current-context: certoperator-test");
            var (exit, stdout) = await RunAsync("kubectl", "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(dir, "cache"), "get", "namespaces");
            exit.Should().Be(0);
            stdout.Should().Contain("kube-system");

            (await RunAsync("kill", "-TERM", server.Id.ToString(CultureInfo.InvariantCulture))).ExitCode.Should().Be(0);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await server.WaitForExitAsync(timeout.Token);
            server.ExitCode.Should().Be(0);
            (await server.StandardOutput.ReadToEndAsync()).Should().Contain("stopping");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string StdOut)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout);
    }
}
