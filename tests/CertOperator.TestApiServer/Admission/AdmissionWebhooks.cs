using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Admission;

/// <summary>
/// Runs the webhooks that match a create or update: mutating ones in order (each sees the previous one's JSON
/// patch), then validating ones. A denial or a failed call under failurePolicy Fail becomes the Status the
/// apiserver returns; failurePolicy Ignore skips the webhook.
/// </summary>
internal static class AdmissionWebhooks
{
    private const int DefaultTimeoutSeconds = 10;

    /// <summary>The object after mutation: the same instance when no webhook patched it.</summary>
    public static async Task<JsonObject> AdmitAsync(ServerContext ctx, AdmissionAttempt attempt, CancellationToken ct)
    {
        var current = attempt.Object;
        foreach (var hook in WebhookConfigurations.Matching(ctx, WebhookConfigurations.Mutating, attempt))
        {
            var response = await CallAsync(hook, attempt with { Object = current }, ct);
            if (response?["patch"] is JsonValue patch)
            {
                current = Patched(hook, current, patch, JsonNodes.Str(response, "patchType"));
            }
        }

        foreach (var hook in WebhookConfigurations.Matching(ctx, WebhookConfigurations.Validating, attempt with { Object = current }))
        {
            await CallAsync(hook, attempt with { Object = current }, ct);
        }

        return current;
    }

    /// <summary>The webhook's response when it allowed the request, null when it failed and is ignored; throws on denial.</summary>
    private static async Task<JsonObject?> CallAsync(JsonObject hook, AdmissionAttempt attempt, CancellationToken ct)
    {
        var name = JsonNodes.Str(hook, "name") ?? "";
        var uid = Guid.NewGuid().ToString();
        var timeout = TimeSpan.FromSeconds(hook["timeoutSeconds"] is JsonValue t ? (int)JsonNodes.AsDouble(t) : DefaultTimeoutSeconds);
        JsonObject response;
        try
        {
            var review = await WebhookClient.CallAsync(hook["clientConfig"] as JsonObject ?? [], AdmissionReviews.Request(attempt, uid), timeout, ct);
            response = review["response"] as JsonObject ?? throw new WebhookCallException("received invalid webhook response: response is empty");
            if (JsonNodes.Str(response, "uid") != uid)
            {
                throw new WebhookCallException($"expected response.uid=\"{uid}\", got \"{JsonNodes.Str(response, "uid")}\"");
            }
        }
        catch (WebhookCallException) when (JsonNodes.Str(hook, "failurePolicy") == "Ignore")
        {
            return null;
        }
        catch (WebhookCallException e)
        {
            var cause = $"failed calling webhook \"{name}\": {e.Message}";
            throw new ApiException(500, "InternalError", $"Internal error occurred: {cause}", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = cause }) });
        }

        if (response["allowed"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            throw Denied(name, response["status"] as JsonObject);
        }

        return response;
    }

    /// <summary>As the apiserver's webhookerrors.ToStatusErr: code at least 400, message prefixed with the webhook's name.</summary>
    private static ApiException Denied(string webhook, JsonObject? status)
    {
        var code = status?["code"] is JsonValue c ? (int)JsonNodes.AsDouble(c) : 0;
        var reason = JsonNodes.Str(status, "reason") ?? "";
        var message = JsonNodes.Str(status, "message") ?? "";
        var deniedBy = $"admission webhook \"{webhook}\" denied the request";
        var text = message.Length > 0 ? $"{deniedBy}: {message}" : reason.Length > 0 ? $"{deniedBy}: {reason}" : $"{deniedBy} without explanation";
        return new ApiException(code < 400 ? 400 : code, reason, text, status?["details"]?.DeepClone() as JsonObject);
    }

    private static JsonObject Patched(JsonObject hook, JsonObject current, JsonValue patch, string? patchType)
    {
        var name = JsonNodes.Str(hook, "name");
        if (patchType != "JSONPatch")
        {
            throw new ApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{name}\": unsupported patch type \"{patchType}\"");
        }

        try
        {
            var operations = JsonNodes.Parse(Convert.FromBase64String(patch.GetValue<string>())) as JsonArray ?? throw new FormatException("the patch is not a JSON array");
            return JsonPatch.Apply(current.DeepClone(), operations) as JsonObject ?? throw new FormatException("the patch did not produce an object");
        }
        catch (Exception e) when (e is FormatException or JsonPatchException or System.Text.Json.JsonException)
        {
            throw new ApiException(500, "InternalError", $"Internal error occurred: JSON patch from webhook \"{name}\" could not be applied: {e.Message}");
        }
    }
}
