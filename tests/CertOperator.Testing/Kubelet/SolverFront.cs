using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Testing.Kubelet;

/// <summary>
/// The ingress controller's part: routes `GET /.well-known/acme-challenge/&lt;token&gt;` (any Host) to the
/// solver serving that token, keeping the Host header; 404 for unknown tokens, 502 when the solver is unreachable.
/// </summary>
internal sealed class SolverFront : IAsyncDisposable
{
    private const string PathPrefix = "/.well-known/acme-challenge/";
    private readonly Func<string, int?> _portForToken;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly WebApplication _app;

    private SolverFront(int port, Func<string, int?> portForToken)
    {
        _portForToken = portForToken;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    public static async Task<SolverFront> StartAsync(int port, Func<string, int?> portForToken, CancellationToken cancellationToken)
    {
        var front = new SolverFront(port, portForToken);
        await front._app.StartAsync(cancellationToken).ConfigureAwait(false);
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var port = HttpMethods.IsGet(context.Request.Method) && path.StartsWith(PathPrefix, StringComparison.Ordinal)
            ? _portForToken(path[PathPrefix.Length..])
            : null;
        if (port is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{path}"));
        request.Headers.Host = context.Request.Host.Value;
        try
        {
            using var response = await _http.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadGateway;
        }
    }
}
