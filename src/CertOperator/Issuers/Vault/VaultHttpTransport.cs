using System.Net.Http.Headers;
using System.Security.Authentication;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// Vault over HttpClient: the token goes in `X-Vault-Token`, the Vault namespace in `X-Vault-Namespace`. Failures
/// without an answer say what failed (e.g. the TLS chain) and nothing of the request's headers.
/// </summary>
internal sealed class VaultHttpTransport(HttpClient http, Uri server) : IVaultTransport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<VaultReply> SendAsync(VaultCall call, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(call.Method, new Uri(server, server.AbsolutePath.TrimEnd('/') + call.Path));
        if (call.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (!string.IsNullOrEmpty(call.Token))
        {
            request.Headers.Add("X-Vault-Token", call.Token);
        }

        if (!string.IsNullOrEmpty(call.Namespace))
        {
            request.Headers.Add("X-Vault-Namespace", call.Namespace);
        }

        request.Headers.Add("X-Vault-Request", "true");
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            return new VaultReply((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            throw new VaultException(VaultFailure.Init, $"{call.Method} {call.Path}: {Describe(e)}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new VaultException(VaultFailure.Init, $"{call.Method} {call.Path}: no answer within {Timeout.TotalSeconds:0}s", e);
        }
    }

    public void Dispose() => http.Dispose();

    private static string Describe(HttpRequestException e) =>
        e.InnerException is AuthenticationException tls ? $"{e.Message} {tls.Message}" : e.Message;
}
