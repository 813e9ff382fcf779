namespace CertOperator.Tests.Cli;

/// <summary>The `run` verb's Kubernetes API rate flags, as a user meets them: in --help, and refused when they make no sense.</summary>
public sealed class RunFlagsTests
{
    [Fact]
    public async Task Help_lists_the_api_rate_flags_with_their_defaults()
    {
        var result = await CliProcess.RunWithoutClusterAsync("run", "--help");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().MatchRegex(@"--kube-api-qps <kube-api-qps>\s+Kubernetes API requests per second, shared by all controllers \[default: 100\]")
            .And.MatchRegex(@"--kube-api-burst <kube-api-burst>\s+Kubernetes API requests allowed in a burst above --kube-api-qps \[default: 200\]");
    }

    [Theory]
    [InlineData("--kube-api-qps", "0", "--kube-api-qps must be greater than 0")]
    [InlineData("--kube-api-burst", "-1", "--kube-api-burst must be greater than 0")]
    public async Task Non_positive_rates_are_refused_before_anything_starts(string flag, string value, string error)
    {
        var result = await CliProcess.RunWithoutClusterAsync("run", flag, value, "--kubeconfig", "/nonexistent/kubeconfig");

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Should().Contain(error).And.NotContain(" at ");
    }
}
