using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// Google's token endpoint (`/token`: a service account's RS256 JWT-bearer assertion, verified with the key's public
/// half), the metadata server's token (`/computeMetadata/...`), and Cloud DNS v1 (`/dns/v1/projects/...`) accepting
/// only tokens issued here; managedZones.list pages by <see cref="PageSize"/>; changes are checked as Cloud DNS does.
/// </summary>
public sealed class CloudDnsFake : ProviderFake
{
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private readonly List<(string Name, string DnsName, string Visibility)> _zones = [];
    private readonly ConcurrentDictionary<(string Zone, string Name), List<string>> _sets = new();
    private int _changes;

    public RSA ServiceAccountKey { get; } = RSA.Create(2048);

    public string Project { get; init; } = "dns-project";

    public string ClientEmail { get; init; } = "dns01@dns-project.iam.gserviceaccount.com";

    public int PageSize { get; set; } = 100;

    public Uri TokenUri => new(BaseUri, "token");

    public static async Task<CloudDnsFake> StartAsync()
    {
        var fake = new CloudDnsFake();
        await fake.ListenAsync();
        return fake;
    }

    /// <summary>A service account JSON key whose token_uri is this fake.</summary>
    public string KeyJson(RSA? key = null) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = Project,
        ["private_key_id"] = "kid-1",
        ["private_key"] = (key ?? ServiceAccountKey).ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["token_uri"] = TokenUri.AbsoluteUri,
    }.ToJsonString();

    public void AddZone(string name, string dnsName, string visibility = "public") => _zones.Add((name, dnsName.TrimEnd('.') + ".", visibility));

    public Task SeedAsync(string zone, string fqdn, string value)
    {
        _sets[(zone, fqdn)] = [$"\"{value}\""];
        return Txt.SetAsync(fqdn, [value]);
    }

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/token")
        {
            await TokenAsync(context, System.Web.HttpUtility.ParseQueryString(body));
            return;
        }

        if (path == "/computeMetadata/v1/instance/service-accounts/default/token")
        {
            await (context.Request.Headers["Metadata-Flavor"] == "Google" ? IssueAsync(context) : ErrorAsync(context, 403, "missing Metadata-Flavor header", "PERMISSION_DENIED"));
            return;
        }

        var bearer = context.Request.Headers.Authorization.ToString();
        if (!bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(bearer[7..]))
        {
            await ErrorAsync(context, 401, "Request had invalid authentication credentials. Expected OAuth 2 access token.", "UNAUTHENTICATED");
            return;
        }

        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            await ErrorAsync(context, 429, "Quota exceeded for quota metric 'Write requests'", "RESOURCE_EXHAUSTED");
            return;
        }

        var prefix = $"/dns/v1/projects/{Project}/managedZones";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, $"Forbidden: the caller has no access to {path}", "PERMISSION_DENIED");
            return;
        }

        var parts = path[prefix.Length..].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            await ListZonesAsync(context);
        }
        else if (_zones.All(z => z.Name != parts[0]))
        {
            await ErrorAsync(context, 404, $"The 'parameters.managedZone' resource named '{parts[0]}' does not exist.", "NOT_FOUND");
        }
        else if (parts is [_, "rrsets"])
        {
            var name = context.Request.Query["name"].ToString();
            var sets = _sets.Where(s => s.Key.Zone == parts[0] && (name.Length == 0 || s.Key.Name == name))
                .Select(s => (JsonNode)Set(s.Key.Name, s.Value));
            await WriteAsync(context, 200, "application/json", new JsonObject { ["rrsets"] = new JsonArray([.. sets]) }.ToJsonString());
        }
        else if (parts is [_, "changes"] && context.Request.Method == "POST")
        {
            await ChangeAsync(context, parts[0], JsonNode.Parse(body)!);
        }
        else if (parts is [_, "changes", var id])
        {
            await WriteAsync(context, 200, "application/json", new JsonObject { ["id"] = id, ["status"] = "done" }.ToJsonString());
        }
        else
        {
            await ErrorAsync(context, 404, $"no route {path}", "NOT_FOUND");
        }
    }

    private async Task ListZonesAsync(HttpContext context)
    {
        var dnsName = context.Request.Query["dnsName"].ToString();
        var matching = _zones.Where(z => dnsName.Length == 0 || z.DnsName == dnsName).ToList();
        var start = int.TryParse(context.Request.Query["pageToken"], out var token) ? token : 0;
        var page = matching.Skip(start).Take(PageSize).Select(z => (JsonNode)new JsonObject { ["name"] = z.Name, ["dnsName"] = z.DnsName, ["visibility"] = z.Visibility });
        var result = new JsonObject { ["managedZones"] = new JsonArray([.. page]) };
        if (start + PageSize < matching.Count)
        {
            result["nextPageToken"] = (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(context, 200, "application/json", result.ToJsonString());
    }

    private async Task ChangeAsync(HttpContext context, string zone, JsonNode change)
    {
        var deletions = change["deletions"]?.AsArray().Select(d => d!).ToList() ?? [];
        var additions = change["additions"]?.AsArray().Select(a => a!).ToList() ?? [];
        foreach (var deletion in deletions)
        {
            var key = (zone, deletion["name"]!.GetValue<string>());
            if (!_sets.TryGetValue(key, out var current) || !current.SequenceEqual(Rrdatas(deletion)))
            {
                await ErrorAsync(context, 412, $"Precondition not met for 'entity.change.deletions[{key.Item2}]'", "FAILED_PRECONDITION");
                return;
            }
        }

        foreach (var addition in additions)
        {
            var name = addition["name"]!.GetValue<string>();
            if (_sets.ContainsKey((zone, name)) && deletions.All(d => d["name"]!.GetValue<string>() != name))
            {
                await ErrorAsync(context, 409, $"The resource 'entity.change.additions[{name}][TXT]' named '{name} (TXT)' already exists", "ALREADY_EXISTS");
                return;
            }
        }

        var touched = deletions.Concat(additions).Select(s => s["name"]!.GetValue<string>()).Distinct().ToList();
        foreach (var deletion in deletions)
        {
            _sets.TryRemove((zone, deletion["name"]!.GetValue<string>()), out _);
        }

        foreach (var addition in additions)
        {
            _sets[(zone, addition["name"]!.GetValue<string>())] = Rrdatas(addition);
        }

        foreach (var name in touched)
        {
            await Txt.SetAsync(name, _sets.TryGetValue((zone, name), out var values) ? values.Select(v => v.Trim('"')) : []);
        }

        var id = Interlocked.Increment(ref _changes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(context, 200, "application/json", new JsonObject { ["id"] = id, ["status"] = "pending" }.ToJsonString());
    }

    private async Task TokenAsync(HttpContext context, System.Collections.Specialized.NameValueCollection form)
    {
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || form["assertion"]?.Split('.') is not [var header, var claims, var signature])
        {
            await OAuthErrorAsync(context, "unsupported_grant_type", "Invalid grant_type or assertion");
            return;
        }

        var valid = ServiceAccountKey.VerifyData(Encoding.ASCII.GetBytes($"{header}.{claims}"), FromBase64Url(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var payload = JsonNode.Parse(FromBase64Url(claims))!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!valid)
        {
            await OAuthErrorAsync(context, "invalid_grant", "Invalid JWT Signature.");
        }
        else if (payload["iss"]?.GetValue<string>() != ClientEmail || payload["aud"]?.GetValue<string>() != TokenUri.AbsoluteUri
            || payload["scope"]?.GetValue<string>() != "https://www.googleapis.com/auth/ndev.clouddns.readwrite"
            || payload["exp"]!.GetValue<long>() < now || payload["iat"]!.GetValue<long>() > now + 60)
        {
            await OAuthErrorAsync(context, "invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
        }
        else
        {
            await IssueAsync(context);
        }
    }

    private async Task IssueAsync(HttpContext context)
    {
        var token = "ya29." + Guid.NewGuid().ToString("N");
        _tokens[token] = 0;
        await WriteAsync(context, 200, "application/json", new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" }.ToJsonString());
    }

    private static List<string> Rrdatas(JsonNode set) => [.. set["rrdatas"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static JsonObject Set(string name, List<string> rrdatas) =>
        new() { ["kind"] = "dns#resourceRecordSet", ["name"] = name, ["type"] = "TXT", ["ttl"] = 60, ["rrdatas"] = new JsonArray([.. rrdatas.Select(v => (JsonNode)v)]) };

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description) =>
        WriteAsync(context, 400, "application/json", new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString());

    private static Task ErrorAsync(HttpContext context, int code, string message, string status) =>
        WriteAsync(context, code, "application/json", new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status },
        }.ToJsonString());
}
