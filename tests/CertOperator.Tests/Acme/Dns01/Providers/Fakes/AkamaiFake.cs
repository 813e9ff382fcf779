using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// Akamai Edge DNS v2 (`/config-dns/v2/zones/{zone}[/names/{name}/types/TXT]`) behind EdgeGrid: each request's
/// EG1-HMAC-SHA256 signature is recomputed (and a nonce may not be replayed); a wrong one gets Akamai's 401 problem.
/// </summary>
public sealed class AkamaiFake : ProviderFake
{
    private const string Prefix = "/config-dns/v2/zones/";
    private readonly ConcurrentDictionary<string, byte> _nonces = new();
    private readonly ConcurrentDictionary<string, byte> _zones = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Zone, string Name), List<string>> _records = new();
    private string _clientToken = "";
    private string _clientSecret = "";
    private string _accessToken = "";

    public static async Task<AkamaiFake> StartAsync(string clientToken, string clientSecret, string accessToken)
    {
        var fake = new AkamaiFake { _clientToken = clientToken, _clientSecret = clientSecret, _accessToken = accessToken };
        await fake.ListenAsync();
        return fake;
    }

    public void AddZone(string zone) => _zones[zone] = 0;

    public Task SeedAsync(string zone, string fqdn, string value)
    {
        _records[(zone, fqdn.TrimEnd('.'))] = [$"\"{value}\""];
        return Txt.SetAsync(fqdn, [value]);
    }

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        if (Verify(context, body) is { } problem)
        {
            await ProblemAsync(context, 401, "Not authorized", problem);
            return;
        }

        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            context.Response.Headers.RetryAfter = "5";
            await ProblemAsync(context, 429, "Too Many Requests", "rate limit exceeded");
            return;
        }

        var path = context.Request.Path.Value ?? "";
        var parts = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..].Split('/') : [];
        if (parts.Length == 1 && context.Request.Method == "GET")
        {
            await (_zones.ContainsKey(parts[0])
                ? WriteAsync(context, 200, "application/json", new JsonObject { ["zone"] = parts[0], ["type"] = "primary" }.ToJsonString())
                : ProblemAsync(context, 404, "Not Found", $"Zone {parts[0]} does not exist"));
            return;
        }

        if (parts.Length != 5 || parts[1] != "names" || parts[3] != "types" || parts[4] != "TXT" || !_zones.ContainsKey(parts[0]))
        {
            await ProblemAsync(context, 404, "Not Found", $"no such resource {path}");
            return;
        }

        var key = (parts[0], Uri.UnescapeDataString(parts[2]));
        var exists = _records.TryGetValue(key, out var current);
        switch (context.Request.Method)
        {
            case "GET" when exists:
                await WriteAsync(context, 200, "application/json", Body(key.Item2, current!).ToJsonString());
                return;
            case "POST" when exists:
                await ProblemAsync(context, 409, "Conflict", "Record set already exists");
                return;
            case "PUT" or "POST":
                if (context.Request.Method == "PUT" && !exists)
                {
                    break;
                }

                var sent = JsonNode.Parse(body)!;
                var rdata = sent["rdata"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
                if (sent["name"]!.GetValue<string>() != key.Item2 || sent["type"]!.GetValue<string>() != "TXT" || sent["ttl"] is null)
                {
                    await ProblemAsync(context, 400, "Bad Request", "name, type and ttl must match the URL");
                    return;
                }

                _records[key] = rdata;
                await Txt.SetAsync(key.Item2, rdata.Select(v => v.Trim('"')));
                await WriteAsync(context, context.Request.Method == "POST" ? 201 : 200, "application/json", Body(key.Item2, rdata).ToJsonString());
                return;
            case "DELETE" when exists:
                _records.TryRemove(key, out _);
                await Txt.SetAsync(key.Item2, []);
                context.Response.StatusCode = 204;
                return;
        }

        await ProblemAsync(context, 404, "Not Found", $"Record set {key.Item2} TXT does not exist");
    }

    private static JsonObject Body(string name, List<string> rdata) =>
        new() { ["name"] = name, ["type"] = "TXT", ["ttl"] = 300, ["rdata"] = new JsonArray([.. rdata.Select(v => (JsonNode)v)]) };

    /// <summary>Akamai's algorithm, written apart from the operator's signer.</summary>
    private string? Verify(HttpContext context, string body)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("EG1-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "missing EdgeGrid authorization";
        }

        var fields = header["EG1-HMAC-SHA256 ".Length..].Split(';').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "");
        if (fields.GetValueOrDefault("client_token") != _clientToken || fields.GetValueOrDefault("access_token") != _accessToken)
        {
            return "Invalid authorization client_token or access_token";
        }

        if (!_nonces.TryAdd(fields["nonce"], 0))
        {
            return "Invalid authorization nonce: replayed";
        }

        var signedPart = header[..(header.IndexOf("signature=", StringComparison.Ordinal))];
        var hash = context.Request.Method == "POST" && body.Length > 0 ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body))) : "";
        var data = $"{context.Request.Method}\t{context.Request.Scheme}\t{context.Request.Host.Value}\t{context.Features.Get<IHttpRequestFeature>()!.RawTarget}\t\t{hash}\t{signedPart}";
        var key = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_clientSecret), Encoding.UTF8.GetBytes(fields["timestamp"])));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));
        return expected == fields["signature"] ? null : "The signature does not match";
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail) =>
        WriteAsync(context, status, "application/problem+json", new JsonObject
        {
            ["type"] = "https://problems.luna.akamaiapis.net/config-dns/error",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        }.ToJsonString());
}
