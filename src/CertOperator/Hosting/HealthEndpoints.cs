using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Hosting;

/// <summary>
/// /livez, /readyz and /healthz (= /livez) in kube-apiserver's style: "ok" with 200, or every check
/// with [+]/[-] and 500 when one fails; `?verbose` lists the checks either way. Served only on the health
/// listener's <c>port</c>, not on the metrics one.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app, int port)
    {
        var health = app.MapGroup("").AddEndpointFilter((context, next) =>
            context.HttpContext.Connection.LocalPort == port ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));
        health.MapGet("/livez", (HttpContext http) => Answer(http, Manager(app).LivenessChecks()));
        health.MapGet("/healthz", (HttpContext http) => Answer(http, Manager(app).LivenessChecks()));
        health.MapGet("/readyz", (HttpContext http) => Answer(http, Manager(app).ReadinessChecks()));
    }

    private static ControllerManager Manager(WebApplication app) => app.Services.GetRequiredService<ControllerManager>();

    private static IResult Answer(HttpContext http, IReadOnlyList<HealthCheck> checks)
    {
        var ok = checks.All(c => c.Ok);
        var verbose = http.Request.Query.ContainsKey("verbose");
        var body = ok && !verbose
            ? "ok"
            : string.Join('\n', checks.Select(c => c.ToString())) + (ok ? "\nok\n" : "\nhealth check failed\n");
        return Results.Text(body, statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }
}
