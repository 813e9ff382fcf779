using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Configuration;

public sealed class ExecTokenSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A plugin that counts its runs in a file and prints a token valid for one hour from the fake start time.</summary>
    private ExecCredentialSettings Plugin(string expiration = "2026-01-01T01:00:00Z", int exitCode = 0) => new()
    {
        Command = "/bin/sh",
        Args =
        [
            "-c",
            $$$"""
            echo run >> "{{{_dir.Path}}}/runs"
            [ -n "$KUBERNETES_EXEC_INFO" ] || exit 3
            [ {{{exitCode}}} -eq 0 ] || { echo "login required" >&2; exit {{{exitCode}}}; }
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-%s-%s","expirationTimestamp":"{{{expiration}}}"}}' "$REGION" "$(wc -l < "{{{_dir.Path}}}/runs" | tr -d ' ')"
            """,
        ],
        Env = new Dictionary<string, string> { ["REGION"] = "eu" },
    };

    [Fact]
    public async Task The_token_is_cached_until_its_expiration_timestamp()
    {
        using var source = new ExecTokenSource(Plugin(), _time);

        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("tok-eu-1");
        _time.Advance(TimeSpan.FromMinutes(59));
        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("tok-eu-1");
        _time.Advance(TimeSpan.FromMinutes(1));
        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("tok-eu-2");

        source.Runs.Should().Be(2);
    }

    [Fact]
    public async Task Invalidate_after_a_401_runs_the_plugin_again_before_expiry()
    {
        using var source = new ExecTokenSource(Plugin(), _time);
        await source.GetTokenAsync(CancellationToken.None);

        source.Invalidate();

        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("tok-eu-2");
    }

    [Fact]
    public async Task A_failing_plugin_reports_its_exit_code_and_stderr()
    {
        using var source = new ExecTokenSource(Plugin(exitCode: 7), _time);

        var act = async () => await source.GetTokenAsync(CancellationToken.None);

        await act.Should().ThrowAsync<KubernetesConfigurationException>().WithMessage("*exited with code 7: login required*");
    }

    [Fact]
    public async Task A_missing_command_shows_the_install_hint()
    {
        using var source = new ExecTokenSource(new ExecCredentialSettings { Command = "/nonexistent/get-token", InstallHint = "brew install get-token" }, _time);

        var act = async () => await source.GetTokenAsync(CancellationToken.None);

        await act.Should().ThrowAsync<KubernetesConfigurationException>().WithMessage("*could not be started*brew install get-token*");
    }

    public void Dispose() => _dir.Dispose();
}
