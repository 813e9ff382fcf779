using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Acme.Dns01.Providers.Common;

namespace CertOperator.Acme.Dns01.Providers.AzureDns;

/// <summary>
/// Azure DNS record sets through Resource Manager: `Microsoft.Network/dnsZones` (public, api-version 2018-05-01) or
/// `privateDnsZones` (private, 2018-09-01); writes carry the record set's ETag so concurrent changes are not lost.
/// </summary>
internal sealed class AzureDnsClient(HttpClient http, Uri endpoint, string subscription, string resourceGroup, bool privateZone, string accessToken, TimeProvider time)
{
    private string ZonesPath => privateZone ? "privateDnsZones" : "dnsZones";

    private string ApiVersion => privateZone ? "2018-09-01" : "2018-05-01";

    public async Task<bool> ZoneExistsAsync(string zone, CancellationToken ct)
    {
        using var response = await SendAsync("get zone", HttpMethod.Get, Zone(zone), null, null, ct);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task<AzureRecordSet?> GetTxtAsync(string zone, string name, CancellationToken ct)
    {
        using var response = await SendAsync("get TXT record set", HttpMethod.Get, Txt(zone, name), null, null, ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync(AzureJsonContext.Default.AzureRecordSet, ct);
    }

    /// <summary>Creates (<paramref name="etag"/> null: If-None-Match *) or replaces (If-Match) the TXT record set.</summary>
    public async Task PutTxtAsync(string zone, string name, long ttl, IEnumerable<string> values, string? etag, CancellationToken ct)
    {
        var records = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["value"] = new JsonArray(JsonValue.Create(v)) })]);
        var body = new JsonObject
        {
            ["properties"] = privateZone
                ? new JsonObject { ["ttl"] = ttl, ["txtRecords"] = records }
                : new JsonObject { ["TTL"] = ttl, ["TXTRecords"] = records },
        };
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        (await SendAsync("put TXT record set", HttpMethod.Put, Txt(zone, name), content, etag, ct)).Dispose();
    }

    public async Task DeleteTxtAsync(string zone, string name, string? etag, CancellationToken ct) =>
        (await SendAsync("delete TXT record set", HttpMethod.Delete, Txt(zone, name), null, etag ?? "*", ct)).Dispose();

    private string Zone(string zone) =>
        $"subscriptions/{Uri.EscapeDataString(subscription)}/resourceGroups/{Uri.EscapeDataString(resourceGroup)}/providers/Microsoft.Network/{ZonesPath}/{Uri.EscapeDataString(zone)}";

    private string Txt(string zone, string name) => $"{Zone(zone)}/TXT/{Uri.EscapeDataString(name)}";

    /// <summary>Sends one call; 404 goes back to the caller, other failures throw with Azure's code and message.</summary>
    private async Task<HttpResponseMessage> SendAsync(string call, HttpMethod method, string path, HttpContent? content, string? ifMatch, CancellationToken ct)
    {
        var uri = ApiUri.Join(endpoint, $"{path}?api-version={ApiVersion}");
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (method == HttpMethod.Put && ifMatch is null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }
        else if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"azuredns {call}: {uri.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", inner: e);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Get)
        {
            return response;
        }

        using (response)
        {
            AzureErrorBody? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync(AzureJsonContext.Default.AzureErrorBody, ct);
            }
            catch (JsonException)
            {
                // Not a Resource Manager error body; the status says enough.
            }

            var code = error?.Error?.Code ?? error?.Code;
            var message = error?.Error?.Message ?? error?.Message;
            var retry = response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfter.From(response.Headers, time) ?? TimeSpan.FromSeconds(10) : (TimeSpan?)null;
            throw new DnsProviderException($"azuredns {call} in resource group {resourceGroup}: {(int)response.StatusCode} {code} {message}".TrimEnd(), retry);
        }
    }
}
