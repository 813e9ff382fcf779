using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CertOperator.TestApiServer.Api;

/// <summary>
/// The TokenRequest API (`POST .../serviceaccounts/{name}/token`): answers with a JWT-shaped token whose payload
/// holds the `sub` (`system:serviceaccount:{ns}:{name}`), the requested `aud` and `exp`, unsigned — enough for a fake
/// that checks who a token is for and which audiences it carries.
/// </summary>
internal static class ServiceAccountTokens
{
    public static async Task HandleAsync(HttpContext http, ServerContext ctx, JsonObject serviceAccount, JsonObject request, CancellationToken ct)
    {
        var ns = serviceAccount["metadata"]?["namespace"]?.GetValue<string>() ?? "";
        var name = serviceAccount["metadata"]?["name"]?.GetValue<string>() ?? "";
        var spec = request["spec"] as JsonObject ?? [];
        var seconds = spec["expirationSeconds"]?.GetValue<long>() ?? 3600;
        var expires = ctx.Clock.GetUtcNow().AddSeconds(seconds);
        var audiences = spec["audiences"]?.DeepClone() as JsonArray ?? [];
        var payload = new JsonObject
        {
            ["aud"] = audiences.DeepClone(),
            ["sub"] = $"system:serviceaccount:{ns}:{name}",
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var token = $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Base64Url(payload.ToJsonString())}.";
        var answer = new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["audiences"] = audiences, ["expirationSeconds"] = seconds },
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Json.JsonNodes.Rfc3339(expires) },
        };
        await JsonResponses.WriteAsync(http, 201, answer, ct);
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
