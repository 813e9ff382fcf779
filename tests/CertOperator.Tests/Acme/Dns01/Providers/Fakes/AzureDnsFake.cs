using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// Microsoft Entra's token endpoint (`/{tenant}/oauth2/v2.0/token`: client secret or federated assertion), the IMDS
/// managed identity endpoint, and Resource Manager's Azure DNS record sets (public `dnsZones` 2018-05-01, private
/// `privateDnsZones` 2018-09-01) accepting only tokens issued here, with ETag preconditions as Azure enforces them.
/// </summary>
public sealed class AzureDnsFake : ProviderFake
{
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private readonly ConcurrentDictionary<(string Type, string Zone), byte> _zones = new();
    private readonly ConcurrentDictionary<(string Type, string Zone, string Name), (List<string> Values, string Etag)> _sets = new();

    public string Tenant { get; init; } = "tenant-1";

    public string ClientId { get; init; } = "client-1";

    public string ClientSecret { get; init; } = "";

    public string Subscription { get; init; } = "sub-1";

    public string ResourceGroup { get; init; } = "dns-rg";

    /// <summary>The federated (workload identity) token accepted as a client assertion.</summary>
    public string? FederatedToken { get; set; }

    public static async Task<AzureDnsFake> StartAsync(string clientSecret)
    {
        var fake = new AzureDnsFake { ClientSecret = clientSecret };
        await fake.ListenAsync();
        return fake;
    }

    public void AddZone(string zone, bool privateZone = false) => _zones[(privateZone ? "privateDnsZones" : "dnsZones", zone)] = 0;

    public Task SeedAsync(string zone, string name, string value, bool privateZone = false)
    {
        _sets[(privateZone ? "privateDnsZones" : "dnsZones", zone, name)] = ([value], Guid.NewGuid().ToString());
        return Txt.SetAsync(Fqdn(zone, name), [value]);
    }

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == $"/{Tenant}/oauth2/v2.0/token")
        {
            await LoginAsync(context, System.Web.HttpUtility.ParseQueryString(body));
            return;
        }

        if (path == "/metadata/identity/oauth2/token")
        {
            await (context.Request.Headers["Metadata"] == "true" && context.Request.Query["resource"] == "https://management.azure.com/"
                ? IssueAsync(context)
                : OAuthErrorAsync(context, 400, "invalid_request", "Required metadata header not specified"));
            return;
        }

        var bearer = context.Request.Headers.Authorization.ToString();
        if (!bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(bearer[7..]))
        {
            await ErrorAsync(context, 401, "InvalidAuthenticationToken", "The access token is invalid.");
            return;
        }

        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            context.Response.Headers.RetryAfter = "9";
            await ErrorAsync(context, 429, "TooManyRequests", "The request is being throttled.");
            return;
        }

        var prefix = $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}/providers/Microsoft.Network/";
        var parts = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..].Split('/') : [];
        if (parts.Length < 2 || parts[0] is not ("dnsZones" or "privateDnsZones")
            || context.Request.Query["api-version"] != (parts[0] == "dnsZones" ? "2018-05-01" : "2018-09-01"))
        {
            await ErrorAsync(context, 404, "ResourceGroupNotFound", $"Resource group or API version not found for {path}");
            return;
        }

        if (!_zones.ContainsKey((parts[0], parts[1])))
        {
            await ErrorAsync(context, 404, "ResourceNotFound", $"The Resource 'Microsoft.Network/{parts[0]}/{parts[1]}' under resource group '{ResourceGroup}' was not found.");
            return;
        }

        if (parts.Length == 2)
        {
            await WriteAsync(context, 200, "application/json", new JsonObject { ["name"] = parts[1] }.ToJsonString());
            return;
        }

        await RecordSetAsync(context, (parts[0], parts[1], Uri.UnescapeDataString(parts[3])), body);
    }

    private async Task RecordSetAsync(HttpContext context, (string Type, string Zone, string Name) key, string body)
    {
        var exists = _sets.TryGetValue(key, out var current);
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if ((ifNoneMatch == "*" && exists) || (ifMatch.Length > 0 && ifMatch != "*" && (!exists || ifMatch != current.Etag)))
        {
            await ErrorAsync(context, 412, "PreconditionFailed", "The condition specified using HTTP conditional header(s) is not met.");
            return;
        }

        switch (context.Request.Method)
        {
            case "GET" when exists:
                await WriteAsync(context, 200, "application/json", Body(key, current.Values, current.Etag).ToJsonString());
                return;
            case "GET":
                await ErrorAsync(context, 404, "NotFound", $"The resource record '{key.Name}' does not exist in resource group '{ResourceGroup}'.");
                return;
            case "PUT":
                var properties = JsonNode.Parse(body)!["properties"]!;
                var records = properties[key.Type == "dnsZones" ? "TXTRecords" : "txtRecords"]!.AsArray();
                var values = records.Select(r => r!["value"]!.AsArray()[0]!.GetValue<string>()).ToList();
                var etag = Guid.NewGuid().ToString();
                _sets[key] = (values, etag);
                await Txt.SetAsync(Fqdn(key.Zone, key.Name), values);
                await WriteAsync(context, exists ? 200 : 201, "application/json", Body(key, values, etag).ToJsonString());
                return;
            case "DELETE":
                _sets.TryRemove(key, out _);
                await Txt.SetAsync(Fqdn(key.Zone, key.Name), []);
                context.Response.StatusCode = exists ? 200 : 204;
                return;
        }
    }

    private async Task LoginAsync(HttpContext context, System.Collections.Specialized.NameValueCollection form)
    {
        var authenticated = form["client_id"] == ClientId && (form["client_assertion"] is { } assertion
            ? form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" && assertion == FederatedToken
            : form["client_secret"] == ClientSecret);
        if (form["grant_type"] != "client_credentials" || form["scope"] != "https://management.azure.com/.default")
        {
            await OAuthErrorAsync(context, 400, "invalid_scope", "AADSTS70011: The provided request must include a valid 'scope' input parameter.");
        }
        else if (!authenticated)
        {
            await OAuthErrorAsync(context, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1\r\nCorrelation ID: 2");
        }
        else
        {
            await IssueAsync(context);
        }
    }

    private async Task IssueAsync(HttpContext context)
    {
        var token = "eyJ0eXAi." + Guid.NewGuid().ToString("N");
        _tokens[token] = 0;
        await WriteAsync(context, 200, "application/json", new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" }.ToJsonString());
    }

    private static string Fqdn(string zone, string name) => name == "@" ? zone + "." : $"{name}.{zone}.";

    private static JsonObject Body((string Type, string Zone, string Name) key, List<string> values, string etag)
    {
        var records = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["value"] = new JsonArray(v) })]);
        return new JsonObject
        {
            ["id"] = $"/subscriptions/x/resourceGroups/x/providers/Microsoft.Network/{key.Type}/{key.Zone}/TXT/{key.Name}",
            ["name"] = key.Name,
            ["etag"] = etag,
            ["properties"] = key.Type == "dnsZones"
                ? new JsonObject { ["TTL"] = 60, ["TXTRecords"] = records }
                : new JsonObject { ["ttl"] = 60, ["txtRecords"] = records },
        };
    }

    private static Task OAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        WriteAsync(context, status, "application/json", new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString());

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, "application/json", new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
}
