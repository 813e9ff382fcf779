using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertOperator.Acme.Dns01.Providers.Common;

namespace CertOperator.Acme.Dns01.Providers.Akamai;

/// <summary>The Edge DNS v2 calls this provider makes, each EdgeGrid-signed: zone lookup and TXT record set get/create/update/delete.</summary>
internal sealed class EdgeDnsClient(HttpClient http, Uri endpoint, EdgeGridCredentials credentials, TimeProvider time)
{
    public async Task<bool> ZoneExistsAsync(string zone, CancellationToken ct)
    {
        using var response = await SendAsync("get zone", HttpMethod.Get, $"zones/{Uri.EscapeDataString(zone)}", null, ct);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task<EdgeDnsRecordSet?> GetTxtAsync(string zone, string name, CancellationToken ct)
    {
        using var response = await SendAsync("get TXT record", HttpMethod.Get, RecordPath(zone, name), null, ct);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync(AkamaiJsonContext.Default.EdgeDnsRecordSet, ct);
    }

    public async Task CreateTxtAsync(string zone, EdgeDnsRecordSet set, CancellationToken ct) =>
        (await SendAsync("create TXT record", HttpMethod.Post, RecordPath(zone, set.Name), set, ct)).Dispose();

    public async Task UpdateTxtAsync(string zone, EdgeDnsRecordSet set, CancellationToken ct) =>
        (await SendAsync("update TXT record", HttpMethod.Put, RecordPath(zone, set.Name), set, ct)).Dispose();

    public async Task DeleteTxtAsync(string zone, string name, CancellationToken ct) =>
        (await SendAsync("delete TXT record", HttpMethod.Delete, RecordPath(zone, name), null, ct)).Dispose();

    private static string RecordPath(string zone, string name) => $"zones/{Uri.EscapeDataString(zone)}/names/{Uri.EscapeDataString(name)}/types/TXT";

    /// <summary>Sends a signed call; 404 is returned to the caller, every other failure throws.</summary>
    private async Task<HttpResponseMessage> SendAsync(string call, HttpMethod method, string path, EdgeDnsRecordSet? body, CancellationToken ct)
    {
        var uri = ApiUri.Join(endpoint, "config-dns/v2/" + path);
        using var request = new HttpRequestMessage(method, uri);
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, AkamaiJsonContext.Default.EdgeDnsRecordSet);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } };
        }

        var nonce = Guid.NewGuid().ToString();
        request.Headers.TryAddWithoutValidation("Authorization",
            EdgeGridSigner.Authorization(credentials, method.Method, uri, bytes, EdgeGridSigner.Timestamp(time.GetUtcNow()), nonce));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"akamai {call}: {uri.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", inner: e);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        using (response)
        {
            var problem = await ProblemAsync(response, ct);
            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfter.From(response.Headers, time) ?? TimeSpan.FromSeconds(10) : (TimeSpan?)null;
            throw new DnsProviderException($"akamai {call} {path}: {(int)response.StatusCode} {problem}", retryAfter);
        }
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync(AkamaiJsonContext.Default.EdgeDnsProblem, ct);
            return string.Join(": ", new[] { problem?.Title, problem?.Detail }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
            return response.ReasonPhrase ?? "";
        }
    }
}
