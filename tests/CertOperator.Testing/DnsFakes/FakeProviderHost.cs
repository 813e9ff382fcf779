using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Testing.DnsFakes;

/// <summary>A plain-HTTP Kestrel app on 127.0.0.1 running one request handler, logging every request as "METHOD /path?query".</summary>
public sealed class FakeProviderHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _log = new();

    private FakeProviderHost(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _log];

    public static async Task<FakeProviderHost> StartAsync(Func<HttpContext, Task> handler, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var host = new FakeProviderHost(app);
        app.Run(async http =>
        {
            host._log.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
            await handler(http);
        });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
