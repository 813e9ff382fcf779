using CertOperator.Testing;

namespace CertOperator.Tests.Cli;

/// <summary>Runs `dotnet CertOperator.dll VERB ... --kubeconfig K` as a user would, against a test cluster.</summary>
internal static class CliProcess
{
    public static Task<ExternalCommand.Result> RunAsync(string kubeconfig, params string[] args) =>
        ExternalCommand.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CertOperator.dll"), .. args, "--kubeconfig", kubeconfig], timeout: TimeSpan.FromSeconds(60));

    public static Task<ExternalCommand.Result> RunWithoutClusterAsync(params string[] args) =>
        ExternalCommand.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CertOperator.dll"), .. args], timeout: TimeSpan.FromSeconds(60));
}
