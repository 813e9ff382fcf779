using System.Collections.Concurrent;
using System.Diagnostics;

namespace CertOperator.Testing;

/// <summary>
/// The operator as a separate OS process (`dotnet CertOperator.dll run …` or the native binary), as in production:
/// tests can SIGKILL it mid-issuance and start it again. Its output is kept for failure messages.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;
    private long _lines;

    private OperatorProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>The OS process id, e.g. to read its memory from /proc.</summary>
    public int Id => _process.Id;

    /// <summary>Every line written to stdout and stderr so far, including those no longer kept in <see cref="Output"/>.</summary>
    public long LinesWritten => Interlocked.Read(ref _lines);

    /// <summary>
    /// Starts `CertOperator.dll run --kubeconfig PATH` from the test's output folder with extra arguments,
    /// or the executable named by <see cref="OperatorCommand.BinaryVariable"/>.
    /// </summary>
    public static OperatorProcess Start(string kubeconfig, params string[] extraArgs)
    {
        var (fileName, arguments) = OperatorCommand.For(OperatorCommand.Dll, new[] { "run", "--kubeconfig", kubeconfig }.Concat(extraArgs));
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = new OperatorProcess(process);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _lines);
        _output.Enqueue(line);
        while (_output.Count > 5000 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL: no shutdown hooks run, exactly like a node failure or OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
