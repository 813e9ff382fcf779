using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Testing.DnsFakes.DigitalOcean;

/// <summary>
/// DigitalOcean's v2 domain records API for DNS-01: `GET/POST /v2/domains/{domain}/records` (list filtered by `type`
/// and fully qualified `name`, paged with `page`/`per_page` and `links.pages`), `DELETE …/records/{id}`, Bearer tokens,
/// `{"id","message"}` errors, and 429 with the RateLimit-* headers DigitalOcean sends (no Retry-After).
/// </summary>
public sealed class DigitalOceanFake(string token, TxtMirror? mirror = null) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeRecord> _records = [];
    private readonly TxtMirror _mirror = mirror ?? TxtMirror.None;
    private FakeApi? _api;
    private long _nextId = 1000;

    /// <summary>Largest page the fake serves (DigitalOcean's is 200); lowered by tests to exercise paging.</summary>
    public int MaxPerPage { get; set; } = 200;

    public FakeRateLimit RateLimit { get; } = new();

    public Uri BaseAddress => _api!.BaseAddress;

    /// <summary>Requests answered so far as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests => [.. _api!.Requests.Select(r => $"{r.Method} {r.PathAndQuery}")];

    /// <summary>Requests answered so far with headers and bodies.</summary>
    public IReadOnlyList<FakeApiRequest> Log => _api!.Requests;

    public async Task<DigitalOceanFake> StartAsync(CancellationToken ct = default)
    {
        _api = await FakeApi.StartAsync(app => app.Run(HandleAsync), ct);
        return this;
    }

    public void AddDomain(string name)
    {
        lock (_gate)
        {
            _domains.Add(name.TrimEnd('.'));
        }
    }

    /// <summary>A record someone else made, not mirrored; <paramref name="name"/> is relative to the domain.</summary>
    public void Seed(string domain, string type, string name, string data)
    {
        lock (_gate)
        {
            _records.Add(new(++_nextId, domain.TrimEnd('.'), type, name, data, 1800));
        }
    }

    /// <summary>TXT values at a fully qualified name (no trailing dot).</summary>
    public IReadOnlyList<string> TxtValues(string fqdn)
    {
        lock (_gate)
        {
            return _records.Where(r => r.Type == "TXT" && string.Equals(r.Fqdn, fqdn.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)).Select(r => r.Data).ToList();
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
        if (RateLimit.Take($"{http.Request.Path}{http.Request.QueryString}"))
        {
            var reset = DateTimeOffset.UtcNow.Add(RateLimit.RetryAfter).ToUnixTimeSeconds();
            http.Response.Headers["RateLimit-Limit"] = "5000";
            http.Response.Headers["RateLimit-Remaining"] = "0";
            http.Response.Headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
            await ErrorAsync(http, 429, "too_many_requests", "API Rate limit exceeded.");
            return;
        }

        if (http.Request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            await ErrorAsync(http, 401, "unauthorized", "Unable to authenticate you");
            return;
        }

        var segments = (http.Request.Path.Value ?? "").Trim('/').Split('/');
        switch (http.Request.Method, segments)
        {
            case (_, ["v2", "domains", var domain, "records", ..]) when !KnownDomain(domain):
                await ErrorAsync(http, 404, "not_found", "The resource you were accessing could not be found.");
                return;
            case ("GET", ["v2", "domains", var domain, "records"]):
                await ListAsync(http, domain);
                return;
            case ("POST", ["v2", "domains", var domain, "records"]):
                await CreateAsync(http, domain);
                return;
            case ("DELETE", ["v2", "domains", var domain, "records", var id]):
                await DeleteAsync(http, domain, id);
                return;
            default:
                await ErrorAsync(http, 404, "not_found", "The resource you were accessing could not be found.");
                return;
        }
    }

    private async Task ListAsync(HttpContext http, string domain)
    {
        var query = http.Request.Query;
        var type = query["type"].ToString();
        var name = query["name"].ToString();
        if (name.Length > 0 && type.Length == 0)
        {
            await ErrorAsync(http, 422, "unprocessable_entity", "type is required when filtering by name");
            return;
        }

        List<FakeRecord> matches;
        lock (_gate)
        {
            matches = _records.Where(r => string.Equals(r.Domain, domain, StringComparison.OrdinalIgnoreCase)
                && (type.Length == 0 || r.Type == type)
                && (name.Length == 0 || string.Equals(r.Fqdn, name, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        var perPage = int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, MaxPerPage) : Math.Min(20, MaxPerPage);
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var last = Math.Max(1, (matches.Count + perPage - 1) / perPage);
        var pages = new JsonObject();
        string Link(int to) => new Uri(BaseAddress, $"v2/domains/{domain}/records?page={to}&per_page={perPage}&type={type}&name={name}").AbsoluteUri;
        if (page < last)
        {
            pages["next"] = Link(page + 1);
            pages["last"] = Link(last);
        }

        if (page > 1)
        {
            pages["first"] = Link(1);
            pages["prev"] = Link(page - 1);
        }

        var body = new JsonObject
        {
            ["domain_records"] = new JsonArray([.. matches.Skip((page - 1) * perPage).Take(perPage).Select(r => (JsonNode)r.ToJson())]),
            ["links"] = new JsonObject { ["pages"] = pages },
            ["meta"] = new JsonObject { ["total"] = matches.Count },
        };
        await WriteAsync(http, 200, body);
    }

    private async Task CreateAsync(HttpContext http, string domain)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        var type = body?["type"]?.GetValue<string>();
        var name = body?["name"]?.GetValue<string>();
        var data = body?["data"]?.GetValue<string>();
        var ttl = body?["ttl"]?.GetValue<int>() ?? 1800;
        if (type is null || string.IsNullOrEmpty(name) || data is null)
        {
            await ErrorAsync(http, 422, "unprocessable_entity", "Name can't be blank, Data can't be blank");
            return;
        }

        // A trailing dot makes the name absolute; it must then lie in the domain.
        string relative;
        if (name.EndsWith('.'))
        {
            var fqdn = name.TrimEnd('.');
            if (string.Equals(fqdn, domain, StringComparison.OrdinalIgnoreCase))
            {
                relative = "@";
            }
            else if (fqdn.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                relative = fqdn[..^(domain.Length + 1)];
            }
            else
            {
                await ErrorAsync(http, 422, "unprocessable_entity", $"Name {name} is not within the domain {domain}");
                return;
            }
        }
        else
        {
            relative = name;
        }

        if (ttl < 30)
        {
            await ErrorAsync(http, 422, "unprocessable_entity", "TTL must be at least 30 seconds");
            return;
        }

        FakeRecord record;
        lock (_gate)
        {
            record = new FakeRecord(++_nextId, domain, type, relative, data, ttl);
            _records.Add(record);
        }

        if (type == "TXT")
        {
            await _mirror.AddAsync(record.Fqdn + ".", data, http.RequestAborted);
        }

        await WriteAsync(http, 201, new JsonObject { ["domain_record"] = record.ToJson() });
    }

    private async Task DeleteAsync(HttpContext http, string domain, string id)
    {
        FakeRecord? record;
        lock (_gate)
        {
            record = _records.FirstOrDefault(r => string.Equals(r.Domain, domain, StringComparison.OrdinalIgnoreCase) && r.Id.ToString(CultureInfo.InvariantCulture) == id);
            if (record is not null)
            {
                _records.Remove(record);
            }
        }

        if (record is null)
        {
            await ErrorAsync(http, 404, "not_found", "The resource you were accessing could not be found.");
            return;
        }

        if (record.Type == "TXT")
        {
            await _mirror.RemoveAsync(record.Fqdn + ".", record.Data, http.RequestAborted);
        }

        http.Response.StatusCode = 204;
    }

    private bool KnownDomain(string domain)
    {
        lock (_gate)
        {
            return _domains.Contains(domain);
        }
    }

    private static Task ErrorAsync(HttpContext http, int status, string id, string message) =>
        WriteAsync(http, status, new JsonObject { ["id"] = id, ["message"] = message, ["request_id"] = Guid.NewGuid().ToString() });

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private sealed record FakeRecord(long Id, string Domain, string Type, string Name, string Data, int Ttl)
    {
        public string Fqdn => Name == "@" ? Domain : $"{Name}.{Domain}";

        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["type"] = Type,
            ["name"] = Name,
            ["data"] = Data,
            ["priority"] = null,
            ["port"] = null,
            ["ttl"] = Ttl,
            ["weight"] = null,
            ["flags"] = null,
            ["tag"] = null,
        };
    }
}
