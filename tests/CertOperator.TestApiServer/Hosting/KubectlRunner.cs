using System.Diagnostics;

namespace CertOperator.TestApiServer.Hosting;

/// <summary>Runs the real kubectl against a kubeconfig with a fresh discovery cache per call.</summary>
internal static class KubectlRunner
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string kubeconfig, string workDir, IEnumerable<string> args, CancellationToken ct)
    {
        var cacheDir = Path.Combine(workDir, "cache-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(cacheDir);
        start.Environment["HOME"] = workDir;
        start.Environment["KUBECONFIG"] = kubeconfig;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
