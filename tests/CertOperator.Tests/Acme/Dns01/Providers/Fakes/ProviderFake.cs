using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// A DNS provider's API on loopback: subclasses answer requests as the documented API does, keeping TXT values in
/// <see cref="Txt"/>; every request is logged (method, path and query, headers and body) so tests can assert what
/// was sent and that no credential leaked elsewhere.
/// </summary>
public abstract class ProviderFake : IAsyncDisposable
{
    private WebApplication? _app;

    public FakeTxtStore Txt { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Answer the next N API calls (not token calls) with the provider's rate-limit response.</summary>
    public int ThrottleNext { get; set; }

    protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async context =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            await HandleAsync(context, body);
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} -> {context.Response.StatusCode}");
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected abstract Task HandleAsync(HttpContext context, string body);

    protected static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
