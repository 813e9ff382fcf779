using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertOperator.Testing.DnsFakes;

/// <summary>
/// A fake provider REST API on a loopback port: the test maps the provider's documented calls onto a
/// <see cref="WebApplication"/>; every request is logged with headers and body, so tests can assert what was
/// sent (and that no credential leaked elsewhere).
/// </summary>
public sealed class FakeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeApiRequest> _requests = new();

    private FakeApi(WebApplication app) => _app = app;

    /// <summary>The API's base address, e.g. http://127.0.0.1:41234/ — what `--dns01-provider-endpoint` is given.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request answered so far, in order.</summary>
    public IReadOnlyList<FakeApiRequest> Requests => [.. _requests];

    /// <summary>Starts the fake with the routes <paramref name="map"/> adds.</summary>
    public static async Task<FakeApi> StartAsync(Action<WebApplication> map, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var fake = new FakeApi(builder.Build());
        fake._app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            context.Request.Body.Position = 0;
            await next(context).ConfigureAwait(false);
            fake._requests.Enqueue(new FakeApiRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                context.Response.StatusCode));
        });
        map(fake._app);
        await fake._app.StartAsync(ct).ConfigureAwait(false);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
