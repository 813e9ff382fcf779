using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Testing.Kubelet;

/// <summary>
/// The ingress controller's part: routes `GET /.well-known/acme-challenge/&lt;token&gt;` to the solver the lookup
/// picks for that Host and token, keeping the Host header; 404 when there is none, 502 when the solver is unreachable.
/// </summary>
internal sealed class SolverFront : IAsyncDisposable
{
    private const string PathPrefix = "/.well-known/acme-challenge/";
    private readonly Func<string, string, CancellationToken, Task<int?>> _portFor;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly WebApplication _app;

    private SolverFront(int port, Func<string, string, CancellationToken, Task<int?>> portFor)
    {
        _portFor = portFor;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    /// <param name="portFor">The solver port for (host without port, token), or null.</param>
    public static async Task<SolverFront> StartAsync(int port, Func<string, string, CancellationToken, Task<int?>> portFor, CancellationToken cancellationToken)
    {
        var front = new SolverFront(port, portFor);
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
            ? await _portFor(context.Request.Host.Host, path[PathPrefix.Length..], context.RequestAborted).ConfigureAwait(false)
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
