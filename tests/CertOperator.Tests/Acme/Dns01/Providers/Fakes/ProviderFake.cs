using CertOperator.Testing.DnsFakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// A DNS provider's API on a <see cref="FakeApi"/>: subclasses answer requests as the documented API does, keeping
/// TXT values in <see cref="Txt"/>; the request log lets tests assert what was sent and what never was (a signing secret).
/// </summary>
public abstract class ProviderFake : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private FakeApi? _api;

    public FakeTxtStore Txt { get; } = new();

    /// <summary>Every request answered so far, with headers and body.</summary>
    public IReadOnlyList<FakeApiRequest> Log => _api!.Requests;

    /// <summary>The log as `METHOD /path?query -> status` lines.</summary>
    public IReadOnlyList<string> Requests => [.. Log.Select(r => $"{r.Method} {r.PathAndQuery} -> {r.Status}")];

    public Uri BaseUri => _api!.BaseAddress;

    /// <summary>Answer the next N API calls (not token calls) with the provider's rate-limit response.</summary>
    public int ThrottleNext { get; set; }

    /// <summary>
    /// Serves requests one at a time: a provider applies each change atomically, so two concurrent challenges at one
    /// name (a wildcard and its apex) see each other's writes and never interleave a read-modify-write.
    /// </summary>
    protected async Task ListenAsync() => _api = await FakeApi.StartAsync(app => app.Run(async context =>
    {
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        await _oneAtATime.WaitAsync();
        try
        {
            await HandleAsync(context, body);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }), CancellationToken.None);

    protected abstract Task HandleAsync(HttpContext context, string body);

    protected static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    /// <summary>Whether <paramref name="text"/> was ever sent to this API, in any header, URL or body.</summary>
    public bool Received(string text) =>
        Log.Any(r => r.PathAndQuery.Contains(text, StringComparison.Ordinal) || r.Body.Contains(text, StringComparison.Ordinal)
            || r.Headers.Values.Any(v => v.Contains(text, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _oneAtATime.Dispose();
        GC.SuppressFinalize(this);
    }
}
