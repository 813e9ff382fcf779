using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Testing.DnsFakes.AcmeDns;

/// <summary>
/// An acme-dns server's `POST /update` (X-Api-User / X-Api-Key, `{"subdomain","txt"}`), keeping the two latest values
/// per account at `{subdomain}.{authZone}` as acme-dns does, with its `{"error": "forbidden"|"bad_txt"|…}` answers.
/// </summary>
public sealed class AcmeDnsFake(string authZone, TxtMirror? mirror = null) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Account> _accounts = [];
    private readonly TxtMirror _mirror = mirror ?? TxtMirror.None;
    private FakeApi? _api;

    public Uri BaseAddress => _api!.BaseAddress;

    /// <summary>Requests answered so far as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests => [.. _api!.Requests.Select(r => $"{r.Method} {r.PathAndQuery}")];

    /// <summary>Requests answered so far with headers and bodies.</summary>
    public IReadOnlyList<FakeApiRequest> Log => _api!.Requests;

    public async Task<AcmeDnsFake> StartAsync(CancellationToken ct = default)
    {
        _api = await FakeApi.StartAsync(app => app.Run(HandleAsync), ct);
        return this;
    }

    /// <summary>
    /// Registers an account as `POST /register` would (a fixed <paramref name="subdomain"/> lets a test zone carry the
    /// CNAME in advance); returns its JSON as stored in cert-manager's account Secret.
    /// </summary>
    public JsonObject Register(string? subdomain = null)
    {
        var account = new Account(Guid.NewGuid().ToString(), Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'), subdomain ?? Guid.NewGuid().ToString());
        lock (_gate)
        {
            _accounts[account.Username] = account;
        }

        return new JsonObject
        {
            ["username"] = account.Username,
            ["password"] = account.Password,
            ["fulldomain"] = $"{account.Subdomain}.{authZone.TrimEnd('.')}",
            ["subdomain"] = account.Subdomain,
            ["allowfrom"] = new JsonArray(),
        };
    }

    /// <summary>The values served at an account's fulldomain, oldest first.</summary>
    public IReadOnlyList<string> TxtValues(string subdomain)
    {
        lock (_gate)
        {
            return _accounts.Values.FirstOrDefault(a => a.Subdomain == subdomain)?.Values.ToList() ?? [];
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
        if (http.Request.Method != "POST" || http.Request.Path != "/update")
        {
            http.Response.StatusCode = 404;
            return;
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        var subdomain = body?["subdomain"]?.GetValue<string>();
        var txt = body?["txt"]?.GetValue<string>();
        if (body is null)
        {
            await ErrorAsync(http, 400, "malformed_json_payload");
            return;
        }

        Account? account;
        lock (_gate)
        {
            account = _accounts.GetValueOrDefault(http.Request.Headers["X-Api-User"].ToString());
        }

        if (account is null || http.Request.Headers["X-Api-Key"].ToString() != account.Password || subdomain != account.Subdomain)
        {
            await ErrorAsync(http, 401, "forbidden");
            return;
        }

        if (txt is not { Length: 43 } || !txt.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            await ErrorAsync(http, 400, "bad_txt");
            return;
        }

        string? rolledOff = null;
        lock (_gate)
        {
            account.Values.Enqueue(txt);
            if (account.Values.Count > 2)
            {
                rolledOff = account.Values.Dequeue();
            }
        }

        var fulldomain = $"{account.Subdomain}.{authZone.TrimEnd('.')}.";
        await _mirror.AddAsync(fulldomain, txt, http.RequestAborted);
        if (rolledOff is not null && rolledOff != txt)
        {
            await _mirror.RemoveAsync(fulldomain, rolledOff, http.RequestAborted);
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["txt"] = txt }.ToJsonString(), http.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext http, int status, string error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(), http.RequestAborted);
    }

    private sealed record Account(string Username, string Password, string Subdomain)
    {
        public Queue<string> Values { get; } = new();
    }
}
