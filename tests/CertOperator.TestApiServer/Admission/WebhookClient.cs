using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Admission;

/// <summary>
/// POSTs an AdmissionReview to a webhook's clientConfig.url over HTTPS, trusting only the clientConfig.caBundle
/// (the system roots when it is empty) and checking the host name, as the apiserver does. service references are
/// not dialled: this server has no cluster network.
/// </summary>
internal static class WebhookClient
{
    public static async Task<JsonObject> CallAsync(JsonObject clientConfig, JsonObject review, TimeSpan timeout, CancellationToken ct)
    {
        var url = JsonNodes.Str(clientConfig, "url") ?? throw new WebhookCallException("service references are not supported by the test API server; use clientConfig.url");
        var trust = Bundle(JsonNodes.Str(clientConfig, "caBundle"));
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate as X509Certificate2, errors, trust),
            },
        };
        using var http = new HttpClient(handler) { Timeout = timeout };
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(review.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var target = new Uri($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}timeout={(int)timeout.TotalSeconds}s");
        try
        {
            using var response = await http.PostAsync(target, content, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookCallException($"failed to call webhook: the server responded with the status code {(int)response.StatusCode}");
            }

            return JsonNodes.Parse(body) as JsonObject ?? throw new WebhookCallException("received invalid webhook response: not an object");
        }
        catch (HttpRequestException e)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{target}\": {Describe(e, target)}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{target}\": context deadline exceeded");
        }
    }

    /// <summary>Go's wording for a refused connection, as the apiserver reports it; .NET's message otherwise.</summary>
    private static string Describe(HttpRequestException e, Uri target) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
            ? $"dial tcp {target.Host}:{target.Port}: connect: connection refused"
            : e.InnerException?.Message ?? e.Message;

    private static X509Certificate2Collection Bundle(string? caBundle)
    {
        var certificates = new X509Certificate2Collection();
        if (!string.IsNullOrEmpty(caBundle))
        {
            certificates.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caBundle)));
        }

        return certificates;
    }

    private static bool Trusted(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection trust)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        if (trust.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
