using CertOperator.Testing;

namespace CertOperator.Tests.Cli;

/// <summary>Runs `CertOperator VERB ... --kubeconfig K` as a user would, against a test cluster (see <see cref="OperatorCommand"/>).</summary>
internal static class CliProcess
{
    public static Task<ExternalCommand.Result> RunAsync(string kubeconfig, params string[] args) =>
        RunWithoutClusterAsync([.. args, "--kubeconfig", kubeconfig]);

    public static Task<ExternalCommand.Result> RunWithoutClusterAsync(params string[] args)
    {
        var (fileName, arguments) = OperatorCommand.For(OperatorCommand.Dll, args);
        return ExternalCommand.RunAsync(fileName, arguments, timeout: TimeSpan.FromSeconds(60));
    }
}
