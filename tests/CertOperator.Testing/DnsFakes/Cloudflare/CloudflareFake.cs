using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Testing.DnsFakes.Cloudflare;

/// <summary>
/// Cloudflare's v4 API for the calls a DNS-01 client makes: `GET /zones?name=`, `GET/POST /zones/{id}/dns_records`,
/// `DELETE /zones/{id}/dns_records/{id}`, with `Authorization: Bearer` or `X-Auth-Email` + `X-Auth-Key`, Cloudflare's
/// envelope and error codes, `page`/`per_page` paging with `result_info`, and 429 with Retry-After.
/// </summary>
public sealed class CloudflareFake : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _zones = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CloudflareFakeRecord> _records = [];
    private readonly TxtMirror _mirror;
    private FakeApi? _api;
    private int _nextId;

    public CloudflareFake(TxtMirror? mirror = null) => _mirror = mirror ?? TxtMirror.None;

    public string? ApiToken { get; init; }

    public string? ApiKey { get; init; }

    public string? Email { get; init; }

    /// <summary>Largest page the fake serves; lowered by tests to make clients follow `result_info.total_pages`.</summary>
    public int MaxPerPage { get; set; } = 5000;

    public FakeRateLimit RateLimit { get; } = new();

    public Uri BaseAddress => _api!.BaseAddress;

    /// <summary>Requests answered so far as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests => [.. _api!.Requests.Select(r => $"{r.Method} {r.PathAndQuery}")];

    /// <summary>Requests answered so far with headers and bodies.</summary>
    public IReadOnlyList<FakeApiRequest> Log => _api!.Requests;

    public async Task<CloudflareFake> StartAsync(CancellationToken ct = default)
    {
        _api = await FakeApi.StartAsync(app => app.Run(HandleAsync), ct);
        return this;
    }

    /// <summary>Adds a zone of the account; returns its id.</summary>
    public string AddZone(string name)
    {
        var id = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        lock (_gate)
        {
            _zones[name.TrimEnd('.')] = id;
        }

        return id;
    }

    /// <summary>A record someone else made (e.g. a sibling challenge's value), not mirrored.</summary>
    public void Seed(string zone, string type, string name, string content)
    {
        lock (_gate)
        {
            _records.Add(new(NewId(), _zones[zone.TrimEnd('.')], type, name.TrimEnd('.'), content, 120));
        }
    }

    /// <summary>TXT values stored at a name (no trailing dot).</summary>
    public IReadOnlyList<string> TxtValues(string name)
    {
        lock (_gate)
        {
            return _records.Where(r => r.Type == "TXT" && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).Select(r => r.Content).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (RateLimit.Take($"{http.Request.Path}{http.Request.QueryString}"))
        {
            http.Response.Headers.RetryAfter = ((int)RateLimit.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await ErrorAsync(http, 429, 971, "Please wait and consider throttling your request speed");
            return;
        }

        if (!await AuthenticatedAsync(http))
        {
            return;
        }

        var segments = (http.Request.Path.Value ?? "").Trim('/').Split('/');
        switch (http.Request.Method, segments)
        {
            case ("GET", ["zones"]):
                await ListZonesAsync(http);
                return;
            case (_, ["zones", var zoneId, "dns_records", ..]) when !KnownZone(zoneId):
                await ErrorAsync(http, 400, 7003, $"Could not route to /zones/{zoneId}/dns_records, perhaps your object identifier is invalid?");
                return;
            case ("GET", ["zones", var zoneId, "dns_records"]):
                await ListRecordsAsync(http, zoneId);
                return;
            case ("POST", ["zones", var zoneId, "dns_records"]):
                await CreateAsync(http, zoneId, ct);
                return;
            case ("DELETE", ["zones", var zoneId, "dns_records", var recordId]):
                await DeleteAsync(http, zoneId, recordId, ct);
                return;
            default:
                await ErrorAsync(http, 404, 7000, "No route for that URI");
                return;
        }
    }

    private async Task<bool> AuthenticatedAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        var bearer = headers.Authorization.ToString();
        if (bearer.Length > 0)
        {
            if (!bearer.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                await ErrorAsync(http, 400, 6003, "Invalid request headers", (6111, "Invalid format for Authorization header"));
                return false;
            }

            if (ApiToken is null || bearer["Bearer ".Length..] != ApiToken)
            {
                await ErrorAsync(http, 403, 10000, "Authentication error");
                return false;
            }

            return true;
        }

        if (headers["X-Auth-Key"].Count == 0 || headers["X-Auth-Email"].Count == 0)
        {
            await ErrorAsync(http, 400, 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
            return false;
        }

        if (ApiKey is null || headers["X-Auth-Key"].ToString() != ApiKey || !string.Equals(headers["X-Auth-Email"].ToString(), Email, StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(http, 403, 9103, "Unknown X-Auth-Key or X-Auth-Email");
            return false;
        }

        return true;
    }

    private async Task ListZonesAsync(HttpContext http)
    {
        var name = http.Request.Query["name"].ToString();
        List<JsonNode> zones;
        lock (_gate)
        {
            zones = _zones.Where(z => name.Length == 0 || string.Equals(z.Key, name, StringComparison.OrdinalIgnoreCase))
                .Select(z => (JsonNode)new JsonObject { ["id"] = z.Value, ["name"] = z.Key, ["status"] = "active" })
                .ToList();
        }

        await PageAsync(http, zones, 20, 50);
    }

    private async Task ListRecordsAsync(HttpContext http, string zoneId)
    {
        var query = http.Request.Query;
        var type = query["type"].ToString();
        var name = query["name"].ToString();
        List<JsonNode> records;
        lock (_gate)
        {
            records = _records
                .Where(r => r.ZoneId == zoneId && (type.Length == 0 || r.Type == type) && (name.Length == 0 || string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                .Select(r => (JsonNode)r.ToJson())
                .ToList();
        }

        await PageAsync(http, records, 100, MaxPerPage);
    }

    private async Task CreateAsync(HttpContext http, string zoneId, CancellationToken ct)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject;
        var type = body?["type"]?.GetValue<string>();
        var name = body?["name"]?.GetValue<string>()?.TrimEnd('.');
        var content = body?["content"]?.GetValue<string>();
        var ttl = body?["ttl"]?.GetValue<int>() ?? 1;
        string zoneName;
        lock (_gate)
        {
            zoneName = _zones.First(z => z.Value == zoneId).Key;
        }

        if (type != "TXT" || string.IsNullOrEmpty(name) || content is null)
        {
            await ErrorAsync(http, 400, 9000, "DNS name is invalid.");
            return;
        }

        if (!(string.Equals(name, zoneName, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + zoneName, StringComparison.OrdinalIgnoreCase)))
        {
            await ErrorAsync(http, 400, 9007, "Content for record is invalid. The record name is not in the zone.");
            return;
        }

        if (ttl != 1 && ttl is < 60 or > 86400)
        {
            await ErrorAsync(http, 400, 9021, "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic.");
            return;
        }

        CloudflareFakeRecord record;
        lock (_gate)
        {
            if (_records.Any(r => r.ZoneId == zoneId && r.Type == type && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) && r.Content == content))
            {
                record = null!;
            }
            else
            {
                record = new CloudflareFakeRecord(NewId(), zoneId, type, name, content, ttl);
                _records.Add(record);
            }
        }

        if (record is null)
        {
            await ErrorAsync(http, 400, 81058, "An identical record already exists.");
            return;
        }

        await _mirror.AddAsync(name + ".", content, ct);
        await SuccessAsync(http, record.ToJson());
    }

    private async Task DeleteAsync(HttpContext http, string zoneId, string recordId, CancellationToken ct)
    {
        CloudflareFakeRecord? record;
        lock (_gate)
        {
            record = _records.FirstOrDefault(r => r.ZoneId == zoneId && r.Id == recordId);
            if (record is not null)
            {
                _records.Remove(record);
            }
        }

        if (record is null)
        {
            await ErrorAsync(http, 404, 81044, "Record does not exist.");
            return;
        }

        if (record.Type == "TXT")
        {
            await _mirror.RemoveAsync(record.Name + ".", record.Content, ct);
        }

        await SuccessAsync(http, new JsonObject { ["id"] = recordId });
    }

    private bool KnownZone(string zoneId)
    {
        lock (_gate)
        {
            return _zones.ContainsValue(zoneId);
        }
    }

    private string NewId() => Interlocked.Increment(ref _nextId).ToString("x32", CultureInfo.InvariantCulture);

    private static async Task PageAsync(HttpContext http, List<JsonNode> items, int defaultPerPage, int maxPerPage)
    {
        var query = http.Request.Query;
        var perPage = int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, maxPerPage) : Math.Min(defaultPerPage, maxPerPage);
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var slice = items.Skip((page - 1) * perPage).Take(perPage).ToList();
        var envelope = Envelope(true, new JsonArray([.. slice]));
        envelope["result_info"] = new JsonObject
        {
            ["page"] = page,
            ["per_page"] = perPage,
            ["count"] = slice.Count,
            ["total_count"] = items.Count,
            ["total_pages"] = Math.Max(1, (items.Count + perPage - 1) / perPage),
        };
        await WriteAsync(http, 200, envelope);
    }

    private static Task SuccessAsync(HttpContext http, JsonNode result) => WriteAsync(http, 200, Envelope(true, result));

    private static Task ErrorAsync(HttpContext http, int status, int code, string message, (int Code, string Message)? cause = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (cause is { } c)
        {
            error["error_chain"] = new JsonArray(new JsonObject { ["code"] = c.Code, ["message"] = c.Message });
        }

        var envelope = Envelope(false, null);
        envelope["errors"] = new JsonArray(error);
        return WriteAsync(http, status, envelope);
    }

    private static JsonObject Envelope(bool success, JsonNode? result) =>
        new() { ["success"] = success, ["errors"] = new JsonArray(), ["messages"] = new JsonArray(), ["result"] = result };

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private sealed record CloudflareFakeRecord(string Id, string ZoneId, string Type, string Name, string Content, int Ttl)
    {
        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["type"] = Type,
            ["name"] = Name,
            ["content"] = Content,
            ["ttl"] = Ttl,
            ["proxiable"] = false,
            ["proxied"] = false,
        };
    }
}
