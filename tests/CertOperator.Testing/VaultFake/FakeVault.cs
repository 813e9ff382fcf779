using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertOperator.Testing.VaultFake;

/// <summary>
/// A HashiCorp Vault on a loopback HTTPS port with the endpoints cert-manager's Vault issuer uses, answering as
/// Vault's HTTP API documents: `sys/health`, AppRole, Kubernetes and TLS certificate logins, and a PKI
/// `sign/:role` that really signs. Tokens go in `X-Vault-Token`; errors are `{"errors":[...]}` (403 "permission
/// denied" for a bad token, 400 for a bad CSR or login). With <see cref="Namespace"/> set, logins and signing must
/// carry that `X-Vault-Namespace`. Every request is recorded.
/// </summary>
public sealed class FakeVault : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentQueue<FakeVaultRequest> _requests = new();
    private readonly X509Certificate2 _tlsCa;
    private readonly X509Certificate2 _serving;
    private WebApplication? _app;

    public FakeVault(string signPath = "pki_int/sign/example-dot-com")
    {
        SignPath = signPath.Trim('/');
        (_tlsCa, _serving) = TlsCertificates();
        RootToken = NewToken();
    }

    public FakeVaultPki Pki { get; } = new();

    /// <summary>The mount and role signing is served at, e.g. `pki_int/sign/example-dot-com`.</summary>
    public string SignPath { get; }

    /// <summary>A token valid from the start, as a test puts in a `tokenSecretRef` Secret.</summary>
    public string RootToken { get; }

    /// <summary>The Vault namespace requests must name (Vault Enterprise); none when null.</summary>
    public string? Namespace { get; init; }

    /// <summary>The AppRole at `auth/approle` that logs in.</summary>
    public (string RoleId, string SecretId)? AppRole { get; init; }

    /// <summary>Decides a Kubernetes login at `auth/kubernetes` from its role and jwt (Vault would ask the TokenReview API).</summary>
    public Func<string, string, bool>? AcceptKubernetesLogin { get; init; }

    /// <summary>Thumbprints of client certificates `auth/cert` logs in.</summary>
    public IReadOnlySet<string> TrustedClientCertificates { get; init; } = new HashSet<string>();

    /// <summary>When true, `sys/health` answers 503 as a sealed Vault does.</summary>
    public bool Sealed { get; set; }

    public Uri Address { get; private set; } = null!;

    /// <summary>The CA of the HTTPS endpoint, PEM: what an issuer's caBundle holds.</summary>
    public string TlsCaPem => _tlsCa.ExportCertificatePem() + "\n";

    public IReadOnlyList<FakeVaultRequest> Requests => [.. _requests];

    public async Task<FakeVault> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = _serving,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        Pki.Dispose();
        _serving.Dispose();
        _tlsCa.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var path = http.Request.Path.Value ?? "";
        (int Status, JsonNode Body) outcome;
        try
        {
            outcome = Answer(http, path, text);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            outcome = Errors(500, $"1 error occurred:\n\t* {e.Message}\n\n");
        }

        var (status, answer) = outcome;
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
        _requests.Enqueue(new FakeVaultRequest(http.Request.Method, path,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), text, status,
            http.Connection.ClientCertificate?.Thumbprint));
    }

    private (int Status, JsonNode Body) Answer(HttpContext http, string path, string text)
    {
        if (http.Request.Method == "GET" && path == "/v1/sys/health")
        {
            return (Sealed ? 503 : 200, new JsonObject { ["initialized"] = true, ["sealed"] = Sealed, ["standby"] = false });
        }

        if (http.Request.Method != "POST")
        {
            return Errors(405, "unsupported operation");
        }

        if (Namespace is not null && http.Request.Headers["X-Vault-Namespace"].ToString().Trim('/') != Namespace)
        {
            return Errors(403, "permission denied");
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return Errors(400, "failed to parse JSON input");
        }

        return path switch
        {
            "/v1/auth/approle/login" => AppRole is { } role && Str(body, "role_id") == role.RoleId && Str(body, "secret_id") == role.SecretId
                ? Login()
                : Errors(400, "invalid role or secret ID"),
            "/v1/auth/kubernetes/login" => AcceptKubernetesLogin?.Invoke(Str(body, "role"), Str(body, "jwt")) == true
                ? Login()
                : Errors(403, "permission denied"),
            "/v1/auth/cert/login" => http.Connection.ClientCertificate is { } client && TrustedClientCertificates.Contains(client.Thumbprint)
                ? Login()
                : Errors(400, "invalid certificate or no client certificate supplied"),
            _ when path == $"/v1/{SignPath}" => Sign(http, body),
            _ => Errors(404, $"no handler for route \"{path.TrimStart('/')}\""),
        };
    }

    private (int, JsonNode) Sign(HttpContext http, JsonObject body)
    {
        if (!_tokens.ContainsKey(http.Request.Headers["X-Vault-Token"].ToString()))
        {
            return Errors(403, "permission denied");
        }

        var (data, error) = Pki.Sign(body);
        return data is null ? Errors(400, error!) : (200, new JsonObject { ["request_id"] = Guid.NewGuid().ToString(), ["lease_id"] = "", ["renewable"] = false, ["data"] = data });
    }

    private (int, JsonNode) Login() => (200, new JsonObject
    {
        ["auth"] = new JsonObject { ["client_token"] = NewToken(), ["accessor"] = Guid.NewGuid().ToString(), ["lease_duration"] = 2764800, ["renewable"] = true },
    });

    private string NewToken()
    {
        var token = "hvs." + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = true;
        return token;
    }

    private static string Str(JsonObject body, string field) => body[field]?.GetValue<string>() ?? "";

    private static (int, JsonNode) Errors(int status, string error) => (status, new JsonObject { ["errors"] = new JsonArray(error) });

    private static (X509Certificate2 Ca, X509Certificate2 Serving) TlsCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Fake Vault TLS CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=vault.local", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("vault.local");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = request.Create(ca, now.AddDays(-1), now.AddDays(6), RandomNumberGenerator.GetBytes(12));
        using var withKey = leaf.CopyWithPrivateKey(key);
        // Kestrel on Linux wants a key it can hand to OpenSSL: round-trip through PKCS#12.
        return (ca, X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null));
    }
}
