using System.Collections.Concurrent;
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
using Microsoft.Extensions.Logging;

namespace CertOperator.TestApiServer.Tests.Admission;

/// <summary>
/// An HTTPS admission webhook on 127.0.0.1 with its own CA: /allow, /deny (message only), /forbid (code 403, reason
/// Forbidden), /mutate (JSON patch adding a label). Every AdmissionReview request it gets is kept, by path.
/// </summary>
public sealed class TinyWebhook : IAsyncDisposable
{
    public const string DenyMessage = "configmaps named like that are not allowed";

    private readonly WebApplication _app;

    private TinyWebhook(WebApplication app, string caPem)
    {
        _app = app;
        CaBundle = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem));
    }

    /// <summary>The CA that signed the serving certificate, base64 as in clientConfig.caBundle.</summary>
    public string CaBundle { get; }

    public int Port { get; private set; }

    public ConcurrentQueue<(string Path, JsonObject Request)> Requests { get; } = new();

    public string Url(string path) => $"https://127.0.0.1:{Port}{path}";

    public IEnumerable<JsonObject> RequestsTo(string path) => Requests.Where(r => r.Path == path).Select(r => r.Request);

    public static async Task<TinyWebhook> StartAsync()
    {
        var (serving, caPem) = Certificates();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(serving)));
        var app = builder.Build();
        var webhook = new TinyWebhook(app, caPem);
        app.MapPost("/{name}", webhook.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        webhook.Port = new Uri(address).Port;
        return webhook;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext http, string name)
    {
        var review = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        var request = review["request"]!.AsObject();
        Requests.Enqueue(("/" + name, request));
        var response = new JsonObject { ["uid"] = request["uid"]!.DeepClone(), ["allowed"] = name is "allow" or "mutate" };
        switch (name)
        {
            case "deny":
                response["status"] = new JsonObject { ["message"] = DenyMessage };
                break;
            case "forbid":
                response["status"] = new JsonObject { ["code"] = 403, ["reason"] = "Forbidden", ["message"] = DenyMessage };
                break;
            case "mutate":
                var labels = request["object"]?["metadata"]?["labels"] is JsonObject;
                var patch = new JsonArray(labels
                    ? new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels/mutated", ["value"] = "yes" }
                    : new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels", ["value"] = new JsonObject { ["mutated"] = "yes" } });
                response["patchType"] = "JSONPatch";
                response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch.ToJsonString()));
                break;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response }.ToJsonString(), http.RequestAborted);
    }

    /// <summary>A CA and a serving certificate for IP 127.0.0.1 (SAN only: the apiserver ignores the CN).</summary>
    private static (X509Certificate2 Serving, string CaPem) Certificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=tiny-webhook-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=tiny-webhook", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        var serving = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (serving, ca.ExportCertificatePem() + "\n");
    }
}
