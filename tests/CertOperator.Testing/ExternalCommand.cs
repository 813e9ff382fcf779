using System.Diagnostics;

namespace CertOperator.Testing;

/// <summary>Runs a real program (kubectl, openssl, dig, …) to completion and captures its output.</summary>
public static class ExternalCommand
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public Result EnsureSuccess() => ExitCode == 0
            ? this
            : throw new InvalidOperationException($"exit code {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}");
    }

    public static async Task<Result> RunAsync(
        string fileName,
        IEnumerable<string> args,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
