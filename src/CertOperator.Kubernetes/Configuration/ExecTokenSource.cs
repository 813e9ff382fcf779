using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>Runs an exec credential plugin and caches its token until the ExecCredential's expirationTimestamp.</summary>
internal sealed class ExecTokenSource(ExecCredentialSettings settings, TimeProvider time) : ITokenSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile string? _token;
    private DateTimeOffset? _expires;

    public int Runs { get; private set; }

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is null || (_expires is { } expires && time.GetUtcNow() >= expires))
            {
                var credential = await RunAsync(ct).ConfigureAwait(false);
                _token = credential.Token ?? throw Fail("printed no status.token (client certificates from exec plugins are not supported)");
                _expires = credential.ExpirationTimestamp;
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _token = null;

    private async Task<ExecCredentialStatus> RunAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(settings.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = settings.WorkingDirectory ?? string.Empty,
        };
        foreach (var arg in settings.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in settings.Env)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] =
            $$$"""{"apiVersion":"{{{settings.ApiVersion}}}","kind":"ExecCredential","spec":{"interactive":false}}""";
        Runs++;
        using var process = StartProcess(start);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var error = await stderr.ConfigureAwait(false);
            throw Fail($"exited with code {process.ExitCode}: {(error.Length > 300 ? error[..300] : error).Trim()}");
        }

        try
        {
            var credential = JsonSerializer.Deserialize(await stdout.ConfigureAwait(false), KubernetesJsonContext.Default.ExecCredential);
            return credential?.Status ?? throw Fail("printed an ExecCredential without status");
        }
        catch (JsonException e)
        {
            throw new KubernetesConfigurationException($"exec credential plugin '{settings.Command}' printed invalid JSON: {e.Message}", e);
        }
    }

    private Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw Fail("could not be started");
        }
        catch (Win32Exception e)
        {
            throw new KubernetesConfigurationException(
                $"exec credential plugin '{settings.Command}' could not be started: {e.Message}. {settings.InstallHint}".TrimEnd(), e);
        }
    }

    private KubernetesConfigurationException Fail(string what) => new($"exec credential plugin '{settings.Command}' {what}");

    public void Dispose() => _gate.Dispose();
}
