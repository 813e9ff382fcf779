using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CertOperator.TestApiServer.Api;

/// <summary>The single request entry point: faults, bearer-token auth, then discovery, OpenAPI or a resource.</summary>
internal sealed class ApiDispatcher(
    Func<ServerContext> context, string token, KubeApiServerFaults faults, RequestCounter requests, TimeSpan bookmarkInterval, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext http)
    {
        requests.Connected(http.Connection.Id, http.Request.Protocol);
        try
        {
            await DispatchAsync(http);
        }
        finally
        {
            var request = http.Request;
            requests.Record(request.Method, request.ContentType ?? "", request.Query["watch"] is ["true" or "1"], request.Path.Value ?? "", http.Response.StatusCode);
        }
    }

    private async Task DispatchAsync(HttpContext http)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = linked.Token;
        try
        {
            if (faults.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(faults.ResponseDelay, ct);
            }

            if (faults.TakeFailure() is { } failure)
            {
                throw failure;
            }

            if (http.Request.Headers.Authorization.ToString() != $"Bearer {token}")
            {
                throw new ApiException(401, "Unauthorized", "Unauthorized");
            }

            await RouteAsync(http, context(), ct);
        }
        catch (ApiException e) when (!http.Response.HasStarted)
        {
            if (e.RetryAfter is { } after)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await JsonResponses.WriteAsync(http, e.Code, e.ToStatus(), ct);
        }
        catch (Exception e) when (e is JsonException or FormatException or YamlDotNet.Core.YamlException && !http.Response.HasStarted)
        {
            await JsonResponses.WriteAsync(http, 400, ApiException.BadRequest(e.Message).ToStatus(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Client disconnected or server stopping.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            await JsonResponses.WriteAsync(http, 500, StatusObjects.Failure(500, "InternalError", $"Internal error occurred: {e.Message}", null), ct);
        }
    }

    private async Task RouteAsync(HttpContext http, ServerContext ctx, CancellationToken ct)
    {
        var path = http.Request.Path.Value?.Trim('/') ?? "";
        var segments = path.Length == 0 ? [] : path.Split('/');
        var registry = ctx.Registry;
        switch (segments)
        {
            case ["version"]:
                await JsonResponses.WriteAsync(http, 200, DiscoveryDocuments.Version(), ct);
                return;
            case ["healthz" or "livez" or "readyz"]:
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync("ok", ct);
                return;
            case ["api"]:
                await JsonResponses.WriteAsync(http, 200, DiscoveryDocuments.CoreVersions(http.Request.Host.Value ?? ""), ct);
                return;
            case ["api", "v1"]:
                await JsonResponses.WriteAsync(http, 200, DiscoveryDocuments.ResourceList(registry, "v1"), ct);
                return;
            case ["apis"]:
                await JsonResponses.WriteAsync(http, 200, DiscoveryDocuments.GroupList(registry), ct);
                return;
            case ["apis", var group] when registry.GroupVersions(group).ToList() is { Count: > 0 } versions:
                await JsonResponses.WriteAsync(http, 200, DiscoveryDocuments.Group(group, versions), ct);
                return;
            case ["apis", var group, var version, ..] when AggregatorProxy.Find(ctx, group, version) is { } backend:
                await AggregatorProxy.ProxyAsync(http, ctx, backend, ct);
                return;
            case ["apis", var group, var version] when registry.Types.Any(t => t.GroupVersion == $"{group}/{version}"):
                await JsonResponses.WriteAsync(http, 200, DiscoveryDocuments.ResourceList(registry, $"{group}/{version}"), ct);
                return;
            case ["openapi", "v3"]:
                await JsonResponses.WriteAsync(http, 200, OpenApiDocuments.Root(registry), ct);
                return;
            case ["openapi", "v3", "api", var version]:
                await JsonResponses.WriteAsync(http, 200, OpenApiDocuments.ForGroupVersion(registry, version), ct);
                return;
            case ["openapi", "v3", "apis", var group, var version]:
                await JsonResponses.WriteAsync(http, 200, OpenApiDocuments.ForGroupVersion(registry, $"{group}/{version}"), ct);
                return;
            case ["api", "v1", .. var rest] when ResourcePath.Resolve(registry, "v1", rest) is { } request:
                await Endpoint(ctx).HandleAsync(http, request, ct);
                return;
            case ["apis", var group, var version, .. var rest] when ResourcePath.Resolve(registry, $"{group}/{version}", rest) is { } request:
                await Endpoint(ctx).HandleAsync(http, request, ct);
                return;
            default:
                throw new ApiException(404, "NotFound", "the server could not find the requested resource", []);
        }
    }

    private ResourceEndpoint Endpoint(ServerContext ctx) =>
        new(ctx, new ResourceService(ctx), new WatchStreamer(ctx, bookmarkInterval));
}
