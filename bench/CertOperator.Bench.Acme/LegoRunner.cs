using System.Diagnostics;
using System.Globalization;
using CertOperator.Testing.Pebble;
using CertOperator.Testing.Processes;

namespace CertOperator.Bench.Acme;

/// <summary>Runs Debian's lego CLI, one process per certificate, against the benchmark pebble.</summary>
internal sealed class LegoRunner(PebbleEnvironment environment, string legoPath, string workDirectory)
{
    private readonly string _statePath = Path.Combine(workDirectory, "lego");

    public string Webroot { get; } = Path.Combine(workDirectory, "webroot");

    /// <summary>lego with its own http-01 server on pebble's validation port (the responder must be stopped).</summary>
    public Task<TimeSpan> IssueWithOwnServerAsync(string domain, CancellationToken cancellationToken) =>
        RunAsync(domain, ["--http", "--http.port", ":" + environment.HttpValidationPort.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>lego writing tokens into a webroot that the shared responder serves (lets many lego processes run at once).</summary>
    public Task<TimeSpan> IssueWithWebrootAsync(string domain, CancellationToken cancellationToken) =>
        RunAsync(domain, ["--http", "--http.webroot", Webroot], cancellationToken);

    public string CommandLine(string domain, string solver) =>
        $"LEGO_CA_CERTIFICATES={environment.Pebble.Tls.CaPemPath} {legoPath} --server {environment.Pebble.DirectoryUrl} --email bench@example.test " +
        $"--domains {domain} {solver} --accept-tos --key-type ec256 --path {_statePath} run";

    private async Task<TimeSpan> RunAsync(string domain, IReadOnlyList<string> solver, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--server", environment.Pebble.DirectoryUrl.AbsoluteUri,
            "--email", "bench@example.test",
            "--domains", domain,
            .. solver,
            "--accept-tos",
            "--key-type", "ec256",
            "--path", _statePath,
            "run",
        ];
        var environmentVariables = new Dictionary<string, string> { ["LEGO_CA_CERTIFICATES"] = environment.Pebble.Tls.CaPemPath };
        var stopwatch = Stopwatch.StartNew();
        await using var process = ManagedProcess.Start(legoPath, arguments, environmentVariables, Path.GetTempPath());
        await process.WaitForExitAsync(cancellationToken);
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"lego failed for {domain} (exit {process.ExitCode}):\n{process.Output}");
        }

        return stopwatch.Elapsed;
    }
}
