using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Http01;

/// <summary>What one solver pod serves: the key authorization for one token on one domain.</summary>
internal sealed record AcmeSolverSettings(int ListenPort, string Domain, string Token, string Key);

/// <summary>The HTTP-01 solver web server run by `acmesolver` in solver pods (cert-manager's acmesolver).</summary>
internal static class AcmeSolverServer
{
    public const string PathPrefix = "/.well-known/acme-challenge/";

    /// <summary>A Kestrel app on all interfaces at the listen port, with no logging and a short shutdown.</summary>
    public static WebApplication Build(AcmeSolverSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(settings.ListenPort));
        var app = builder.Build();
        app.Run(context => RespondAsync(settings, context));
        return app;
    }

    /// <summary>
    /// The key when the request is a GET for the token's path on the domain (Host compared without its port,
    /// ignoring case; any Host when no domain is configured); otherwise null, answered with 404.
    /// </summary>
    public static string? Answer(AcmeSolverSettings settings, string method, string host, string path)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostMatches = settings.Domain.Length == 0 || string.Equals(host, settings.Domain, StringComparison.OrdinalIgnoreCase);
        var pathMatches = string.Equals(path, PathPrefix + settings.Token, StringComparison.Ordinal);
        return HttpMethods.IsGet(method) && hostMatches && pathMatches ? settings.Key : null;
    }

    private static Task RespondAsync(AcmeSolverSettings settings, HttpContext context)
    {
        var request = context.Request;
        var key = Answer(settings, request.Method, request.Host.Host, request.Path.Value ?? "");
        if (key is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(key, context.RequestAborted);
    }
}
