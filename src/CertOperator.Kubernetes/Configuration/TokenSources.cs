namespace CertOperator.Kubernetes.Configuration;

/// <summary>Supplies the bearer token for each request.</summary>
internal interface ITokenSource
{
    ValueTask<string?> GetTokenAsync(CancellationToken ct);

    /// <summary>The server rejected the token (401): forget any cached one so the next call fetches afresh.</summary>
    void Invalidate();
}

internal static class TokenSources
{
    /// <summary>Exec plugin first, then token file, then a static token — kubectl's precedence.</summary>
    public static ITokenSource? Create(KubernetesClientConfiguration config, TimeProvider time) =>
        config.Exec is { } exec ? new ExecTokenSource(exec, time)
        : config.TokenFile is { } file ? new FileTokenSource(file, time)
        : config.BearerToken is { } token ? new StaticTokenSource(token)
        : null;
}

internal sealed class StaticTokenSource(string token) : ITokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(token);

    public void Invalidate()
    {
    }
}

/// <summary>Re-reads the token file when it changes or at least every minute, as projected service-account tokens rotate.</summary>
internal sealed class FileTokenSource(string path, TimeProvider time) : ITokenSource
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private string? _token;
    private DateTime _modified;
    private DateTimeOffset _readAt;

    public ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var modified = File.GetLastWriteTimeUtc(path);
            if (_token is null || modified != _modified || now - _readAt >= MaxAge)
            {
                try
                {
                    _token = File.ReadAllText(path).Trim();
                }
                catch (IOException e)
                {
                    throw new KubernetesConfigurationException($"cannot read bearer token file {path}: {e.Message}", e);
                }

                _modified = modified;
                _readAt = now;
            }

            return ValueTask.FromResult<string?>(_token);
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _token = null;
        }
    }
}
