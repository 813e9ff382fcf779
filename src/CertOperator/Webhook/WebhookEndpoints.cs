using System.Text.Json;
using CertOperator.Webhook.Admission;
using CertOperator.Webhook.Serving;
using CertOperator.Webhook.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Webhook;

/// <summary>
/// POST /validate and /mutate (AdmissionReview v1 in, the same review with a response out) on the HTTPS port;
/// /livez, /readyz and /healthz on the health port, ready once a serving certificate is loaded.
/// </summary>
internal static class WebhookEndpoints
{
    public static void MapAdmission(this WebApplication app, int securePort)
    {
        var admission = app.MapGroup("").AddEndpointFilter((context, next) =>
            context.HttpContext.Connection.LocalPort == securePort ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));
        admission.MapPost("/validate", (HttpContext http, AdmissionHandler handler) => ReviewAsync(http, request => handler.ValidateAsync(request, http.RequestAborted)));
        admission.MapPost("/mutate", (Delegate)((HttpContext http) => ReviewAsync(http, request => Task.FromResult(AdmissionHandler.Mutate(request)))));
    }

    public static void MapWebhookHealth(this WebApplication app, int healthPort)
    {
        var health = app.MapGroup("").AddEndpointFilter((context, next) =>
            context.HttpContext.Connection.LocalPort == healthPort ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));
        var source = app.Services.GetRequiredService<ServingCertificateSource>();
        health.MapGet("/livez", () => Results.Text("ok"));
        health.MapGet("/readyz", () => Ready(source));
        health.MapGet("/healthz", () => Ready(source));
    }

    private static IResult Ready(ServingCertificateSource source) => source.Current is null
        ? Results.Text("[-]serving-certificate not issued yet\nhealth check failed\n", statusCode: StatusCodes.Status500InternalServerError)
        : Results.Text("ok");

    private static async Task<IResult> ReviewAsync(HttpContext http, Func<AdmissionRequest, Task<AdmissionResponse>> decide)
    {
        AdmissionReview? review;
        try
        {
            review = await JsonSerializer.DeserializeAsync(http.Request.Body, WebhookJsonContext.Default.AdmissionReview, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.Text($"the body is not an AdmissionReview: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (review?.Request is not { } request)
        {
            return Results.Text("the AdmissionReview has no request", statusCode: StatusCodes.Status400BadRequest);
        }

        var response = await decide(request);
        return Results.Json(new AdmissionReview { ApiVersion = review.ApiVersion ?? AdmissionReview.CurrentApiVersion, Response = response },
            WebhookJsonContext.Default.AdmissionReview);
    }
}
