namespace CertOperator.Tests.Cli;

/// <summary>The `run` verb's API rate and leader-election flags, as a user meets them: in --help, and refused when they make no sense.</summary>
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

    [Fact]
    public async Task Help_lists_the_leader_election_timings_with_cert_managers_defaults()
    {
        var result = await CliProcess.RunWithoutClusterAsync("run", "--help");

        result.StdOut.Should().MatchRegex(@"--leader-election-lease-duration <[^>]+>\s+.*\[default: 60s\]")
            .And.MatchRegex(@"--leader-election-renew-deadline <[^>]+>\s+.*\[default: 40s\]")
            .And.MatchRegex(@"--leader-election-retry-period <[^>]+>\s+.*\[default: 15s\]");
    }

    [Theory]
    [InlineData(new[] { "--leader-election-retry-period", "soon" }, "--leader-election-retry-period: \"soon\" is not a positive duration like 15s")]
    [InlineData(new[] { "--leader-election-lease-duration", "0s" }, "--leader-election-lease-duration: \"0s\" is not a positive duration like 60s")]
    [InlineData(new[] { "--leader-election-renew-deadline", "90s" }, "leader election needs --leader-election-retry-period < --leader-election-renew-deadline < --leader-election-lease-duration")]
    public async Task Leader_election_timings_the_elector_cannot_use_are_refused_naming_the_flag(string[] flags, string error)
    {
        var result = await CliProcess.RunWithoutClusterAsync(["run", .. flags, "--kubeconfig", "/nonexistent/kubeconfig"]);

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Should().Contain(error).And.NotContain(" at ");
    }

    [Fact]
    public async Task Help_lists_cert_managers_listen_addresses_and_verbosity_with_their_defaults()
    {
        var result = await CliProcess.RunWithoutClusterAsync("run", "--help");

        result.StdOut.Should().MatchRegex(@"--metrics-listen-address <[^>]+>\s+.*\[default: 0\.0\.0\.0:9402\]")
            .And.MatchRegex(@"--internal-healthz-listen-address <[^>]+>\s+.*\[default: 0\.0\.0\.0:9403\]")
            .And.MatchRegex(@"-v <v>\s+Log verbosity like cert-manager.s.*\[default: 2\]")
            .And.MatchRegex(@"--log-format, --logging-format <[^>]+>");
    }

    [Theory]
    [InlineData("--metrics-listen-address", "9402", "--metrics-listen-address: \"9402\" is not host:port")]
    [InlineData("--internal-healthz-listen-address", "pod:9403", "--internal-healthz-listen-address: \"pod:9403\": \"pod\" is not an IP address")]
    [InlineData("--health-port", "70000", "--health-port must be from 0 to 65535")]
    public async Task Listen_addresses_the_operator_cannot_bind_are_refused_naming_the_flag(string flag, string value, string error)
    {
        var result = await CliProcess.RunWithoutClusterAsync("run", flag, value, "--kubeconfig", "/nonexistent/kubeconfig");

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Should().Contain(error).And.NotContain(" at ");
    }

    [Fact]
    public async Task Feature_gates_take_cert_managers_syntax_and_a_bad_entry_is_refused()
    {
        var help = await CliProcess.RunWithoutClusterAsync("run", "--help");
        var bad = await CliProcess.RunWithoutClusterAsync("run", "--feature-gates", "ACMEUseARI=maybe", "--kubeconfig", "/nonexistent/kubeconfig");

        help.StdOut.Should().MatchRegex(@"--feature-gates <[^>]+>\s+cert-manager's feature gates");
        bad.ExitCode.Should().NotBe(0);
        bad.StdErr.Should().Contain("--feature-gates: \"ACMEUseARI=maybe\" is not Name=true or Name=false").And.NotContain(" at ");
    }
}
