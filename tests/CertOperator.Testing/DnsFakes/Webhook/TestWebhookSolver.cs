using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Testing.DnsFakes.Webhook;

/// <summary>
/// The server side of cert-manager's DNS-01 webhook protocol, as a community solver built on cert-manager's webhook
/// library serves it behind the aggregator: HTTPS with a certificate for `{service}.{namespace}.svc`, discovery at
/// `GET /apis/{group}/v1alpha1`, and `POST /apis/{group}/v1alpha1/{solver}` taking a ChallengePayload and answering it
/// with `response` set. Present/CleanUp add/remove only the request's key at `resolvedFQDN` (through the mirror into bind9).
/// Refuses zones it does not serve with `success: false` and a message, and callers without an aggregator identity.
/// </summary>
public sealed class TestWebhookSolver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _received = [];
    private readonly HashSet<(string Fqdn, string Key)> _presented = [];
    private readonly HashSet<string> _zones;
    private readonly TxtMirror _mirror;
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _serving;
    private WebApplication? _app;

    public TestWebhookSolver(string groupName, string solverName, IEnumerable<string> zones, TxtMirror? mirror = null, string serviceName = "test-dns-solver", string serviceNamespace = "cert-manager")
    {
        GroupName = groupName;
        SolverName = solverName;
        ServiceName = serviceName;
        ServiceNamespace = serviceNamespace;
        _zones = zones.Select(z => z.TrimEnd('.') + ".").ToHashSet(StringComparer.OrdinalIgnoreCase);
        _mirror = mirror ?? TxtMirror.None;
        (_ca, _serving) = Certificates($"{serviceName}.{serviceNamespace}.svc");
    }

    public string GroupName { get; }

    public string SolverName { get; }

    public string ServiceName { get; }

    public string ServiceNamespace { get; }

    public int Port { get; private set; }

    /// <summary>The `request` objects received, in order.</summary>
    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// The APIService `v1alpha1.{group}` and the `ExternalName` Service (to 127.0.0.1) through which an API server
    /// reaches this solver, as YAML for `kubectl apply`.
    /// </summary>
    public string Manifests() => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {ServiceName}
          namespace: {ServiceNamespace}
        spec:
          type: ExternalName
          externalName: 127.0.0.1
          ports:
          - name: https
            port: {Port}
        ---
        apiVersion: apiregistration.k8s.io/v1
        kind: APIService
        metadata:
          name: v1alpha1.{GroupName}
        spec:
          group: {GroupName}
          version: v1alpha1
          groupPriorityMinimum: 1000
          versionPriority: 15
          service:
            name: {ServiceName}
            namespace: {ServiceNamespace}
            port: {Port}
          caBundle: {Convert.ToBase64String(Encoding.UTF8.GetBytes(_ca.ExportCertificatePem()))}
        """;

    public async Task<TestWebhookSolver> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_serving)));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(ct);
        Port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _serving.Dispose();
        _ca.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        // Behind the aggregator a solver trusts only requests carrying the caller's identity headers.
        if (http.Request.Headers["X-Remote-User"].Count == 0)
        {
            await StatusAsync(http, 401, "Unauthorized", "Unauthorized");
            return;
        }

        var prefix = $"/apis/{GroupName}/v1alpha1";
        var path = http.Request.Path.Value ?? "";
        if (http.Request.Method == "GET" && path.TrimEnd('/') == prefix)
        {
            await WriteAsync(http, 200, Discovery());
            return;
        }

        if (http.Request.Method != "POST" || path != $"{prefix}/{SolverName}")
        {
            await StatusAsync(http, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        var payload = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        if (payload?["request"] is not JsonObject request || (string?)payload["kind"] != "ChallengePayload" || (string?)payload["apiVersion"] != $"{GroupName}/v1alpha1")
        {
            await StatusAsync(http, 400, "BadRequest", "payload request field cannot be empty");
            return;
        }

        lock (_gate)
        {
            _received.Add((JsonObject)request.DeepClone());
        }

        var action = (string?)request["action"];
        if (action is not ("Present" or "CleanUp"))
        {
            await StatusAsync(http, 500, "InternalError", $"Internal error occurred: unknown action type \"{action}\"");
            return;
        }

        var failure = await SolveAsync(action, request, http.RequestAborted);
        payload["response"] = failure is null
            ? new JsonObject { ["uid"] = request["uid"]?.DeepClone(), ["success"] = true }
            : new JsonObject { ["uid"] = request["uid"]?.DeepClone(), ["success"] = false, ["status"] = new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Failed", ["message"] = failure } };
        await WriteAsync(http, 201, payload);
    }

    private async Task<string?> SolveAsync(string action, JsonObject request, CancellationToken ct)
    {
        var fqdn = (string?)request["resolvedFQDN"] ?? "";
        var zone = (string?)request["resolvedZone"] ?? "";
        var key = (string?)request["key"] ?? "";
        if (!_zones.Contains(zone) || !fqdn.EndsWith("." + zone, StringComparison.OrdinalIgnoreCase))
        {
            return $"test solver {SolverName}: zone \"{zone}\" (for {fqdn}) is not one this solver serves";
        }

        bool changed;
        lock (_gate)
        {
            changed = action == "Present" ? _presented.Add((fqdn, key)) : _presented.Remove((fqdn, key));
        }

        if (changed)
        {
            await (action == "Present" ? _mirror.AddAsync(fqdn, key, ct) : _mirror.RemoveAsync(fqdn, key, ct));
        }

        return null;
    }

    private JsonObject Discovery() => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = $"{GroupName}/v1alpha1",
        ["resources"] = new JsonArray(new JsonObject
        {
            ["name"] = SolverName,
            ["singularName"] = "ChallengePayload",
            ["namespaced"] = false,
            ["kind"] = "ChallengePayload",
            ["verbs"] = new JsonArray("create"),
        }),
    };

    private static Task StatusAsync(HttpContext http, int code, string reason, string message) => WriteAsync(http, code, new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    });

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private static (X509Certificate2 Ca, X509Certificate2 Serving) Certificates(string dnsName)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test DNS-01 webhook solver CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = request.Create(ca, now.AddDays(-1), now.AddDays(6), RandomNumberGenerator.GetBytes(12));
        return (ca, leaf.CopyWithPrivateKey(key));
    }
}
