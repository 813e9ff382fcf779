using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using Microsoft.AspNetCore.Http;

namespace CertOperator.TestApiServer.Api;

/// <summary>
/// kube-aggregator's proxy for `/apis/{group}/{version}/…` of an APIService with `spec.service`: the Service must be
/// `type: ExternalName` (there is no cluster network here), reached at `https://{externalName}:{spec.service.port}` with
/// TLS checked against `spec.caBundle` for the name `{service}.{namespace}.svc`, unless `insecureSkipTLSVerify`.
/// The caller's identity goes along as X-Remote-User/X-Remote-Group, without the front-proxy client certificate.
/// </summary>
internal static class AggregatorProxy
{
    private static readonly string[] CopiedRequestHeaders = ["Accept", "Content-Type", "User-Agent"];

    /// <summary>The APIService serving a group/version remotely, or null when it is unknown or served locally.</summary>
    public static Backend? Find(ServerContext ctx, string group, string version)
    {
        var service = ctx.Store.Get(BuiltInTypes.ApiServices.StorageKey, "", $"{version}.{group}");
        if (service?["spec"]?["service"] is not System.Text.Json.Nodes.JsonObject reference)
        {
            return null;
        }

        return new Backend(
            JsonNodes.Str(reference, "namespace") ?? "",
            JsonNodes.Str(reference, "name") ?? "",
            reference["port"]?.GetValue<int>() ?? 443,
            JsonNodes.Str(service, "spec", "caBundle"),
            service["spec"]?["insecureSkipTLSVerify"]?.GetValue<bool>() == true);
    }

    public static async Task ProxyAsync(HttpContext http, ServerContext ctx, Backend backend, CancellationToken ct)
    {
        var svc = ctx.Store.Get(BuiltInTypes.Services.StorageKey, backend.Namespace, backend.Name);
        if (svc is null || JsonNodes.Str(svc, "spec", "type") != "ExternalName" || JsonNodes.Str(svc, "spec", "externalName") is not { Length: > 0 } host)
        {
            // The real aggregator answers this way while the APIService is not Available.
            await PlainAsync(http, 503, "service unavailable", ct);
            return;
        }

        using var client = new HttpClient(Handler(backend)) { Timeout = TimeSpan.FromSeconds(30) };
        var target = new UriBuilder("https", host, backend.Port, http.Request.Path.Value) { Query = http.Request.QueryString.Value ?? "" }.Uri;
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            request.Content = new ByteArrayContent(buffer.ToArray());
        }

        foreach (var name in CopiedRequestHeaders)
        {
            if (http.Request.Headers[name] is { Count: > 0 } values && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Add("X-Remote-User", "admin");
        request.Headers.Add("X-Remote-Group", ["system:masters", "system:authenticated"]);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            await PlainAsync(http, 503, $"Error trying to reach service: '{e.Message}'", ct);
            return;
        }

        using (response)
        {
            http.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type)
            {
                http.Response.ContentType = type.ToString();
            }

            await response.Content.CopyToAsync(http.Response.Body, ct);
        }
    }

    private static SocketsHttpHandler Handler(Backend backend)
    {
        var handler = new SocketsHttpHandler();
        var serverName = $"{backend.Name}.{backend.Namespace}.svc";
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            backend.InsecureSkipTlsVerify || (certificate is X509Certificate2 leaf && ChainsTo(leaf, backend.CaBundle) && leaf.MatchesHostname(serverName));
        return handler;
    }

    private static bool ChainsTo(X509Certificate2 leaf, string? caBundle)
    {
        if (string.IsNullOrEmpty(caBundle))
        {
            return false;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(caBundle)));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        return chain.Build(leaf);
    }

    private static async Task PlainAsync(HttpContext http, int status, string text, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text + "\n", ct);
    }

    public sealed record Backend(string Namespace, string Name, int Port, string? CaBundle, bool InsecureSkipTlsVerify);
}
