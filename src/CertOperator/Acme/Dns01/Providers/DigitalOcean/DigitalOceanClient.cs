using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

/// <summary>
/// The DigitalOcean v2 domain-record calls DNS-01 needs, authenticated with `Authorization: Bearer`; errors become
/// <see cref="DnsProviderException"/> with DigitalOcean's `id` and `message`.
/// </summary>
internal sealed class DigitalOceanClient(HttpClient http, Uri baseUri, string token, TimeProvider time)
{
    /// <summary>cert-manager's page size: the name filter makes one page enough, pagination is the safety net.</summary>
    private const int PageSize = 200;

    /// <summary>Every TXT record named <paramref name="name"/> (no trailing dot) in the domain, across all pages.</summary>
    public async Task<IReadOnlyList<DigitalOceanRecord>> ListTxtAsync(string domain, string name, CancellationToken ct)
    {
        var records = new List<DigitalOceanRecord>();
        for (var page = 1; ; page++)
        {
            var path = $"v2/domains/{Uri.EscapeDataString(domain)}/records?type=TXT&name={Uri.EscapeDataString(name)}&page={page.ToString(CultureInfo.InvariantCulture)}&per_page={PageSize}";
            using var response = await SendAsync(HttpMethod.Get, path, null, ct);
            var list = await response.Content.ReadFromJsonAsync(DigitalOceanJsonContext.Default.DigitalOceanRecordList, ct) ?? new DigitalOceanRecordList();
            records.AddRange(list.DomainRecords);
            if (string.IsNullOrEmpty(list.Links?.Pages?.Next) || list.DomainRecords.Count == 0)
            {
                return records;
            }
        }
    }

    /// <summary>Creates a TXT record; <paramref name="fqdn"/> keeps its trailing dot, which DigitalOcean reads as an absolute name.</summary>
    public async Task CreateTxtAsync(string domain, string fqdn, string value, int ttl, CancellationToken ct)
    {
        using var body = JsonContent.Create(new DigitalOceanRecord { Type = "TXT", Name = fqdn, Data = value, Ttl = ttl }, DigitalOceanJsonContext.Default.DigitalOceanRecord);
        using var response = await SendAsync(HttpMethod.Post, $"v2/domains/{Uri.EscapeDataString(domain)}/records", body, ct);
    }

    /// <summary>Deletes a record; one already gone (404) is success.</summary>
    public async Task DeleteAsync(string domain, long id, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v2/domains/{Uri.EscapeDataString(domain)}/records/{id.ToString(CultureInfo.InvariantCulture)}", null, ct, HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken ct, HttpStatusCode? accepted = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = body };
        request.Headers.Authorization = new("Bearer", token);
        var call = $"{method} /{path.Split('?')[0]}";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"DigitalOcean API {call}: {e.Message}", inner: e);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == accepted)
        {
            return response;
        }

        using (response)
        {
            var text = await ProviderResponse.ErrorBodyAsync(response, ct).ConfigureAwait(false);
            DigitalOceanError? error;
            try
            {
                error = JsonSerializer.Deserialize(text, DigitalOceanJsonContext.Default.DigitalOceanError);
            }
            catch (JsonException)
            {
                error = null;
            }

            var detail = error is { Message: not null } ? $"{error.Id}: {error.Message}" : "no error details in the answer";
            var hint = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (check the token in tokenSecretRef and that it has write scope)",
                HttpStatusCode.NotFound => " (is the domain added to DigitalOcean's Networking > Domains in this account?)",
                _ => string.Empty,
            };
            throw new DnsProviderException($"DigitalOcean API {call} answered {ProviderResponse.Describe(response)}: {detail}{hint}", ProviderResponse.RetryAfter(response, time));
        }
    }
}
