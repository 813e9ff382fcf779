using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Acme.Dns01.Providers.Common;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>The Cloud DNS v1 calls this provider makes: managedZones.list, resourceRecordSets.list, changes.create and changes.get.</summary>
internal sealed class CloudDnsClient(HttpClient http, Uri endpoint, string project, string accessToken, TimeProvider time)
{
    /// <summary>Managed zones whose DNS name is exactly <paramref name="dnsName"/> (absolute, trailing dot), all pages.</summary>
    public async Task<List<ManagedZone>> ZonesNamedAsync(string dnsName, CancellationToken ct)
    {
        var zones = new List<ManagedZone>();
        string? pageToken = null;
        do
        {
            var query = $"managedZones?dnsName={Uri.EscapeDataString(dnsName)}" + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}");
            var page = await SendAsync("managedZones.list", HttpMethod.Get, query, null, CloudDnsJsonContext.Default.ManagedZonesPage, ct);
            zones.AddRange(page.ManagedZones);
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));

        return zones;
    }

    public async Task<List<ResourceRecordSet>> TxtAsync(string zone, string fqdn, CancellationToken ct) =>
        (await SendAsync("resourceRecordSets.list", HttpMethod.Get,
            $"managedZones/{Uri.EscapeDataString(zone)}/rrsets?name={Uri.EscapeDataString(fqdn)}&type=TXT", null,
            CloudDnsJsonContext.Default.ResourceRecordSetsPage, ct)).Rrsets;

    public Task<DnsChange> CreateChangeAsync(string zone, DnsChange change, CancellationToken ct) =>
        SendAsync("changes.create", HttpMethod.Post, $"managedZones/{Uri.EscapeDataString(zone)}/changes",
            JsonContent.Create(change, CloudDnsJsonContext.Default.DnsChange), CloudDnsJsonContext.Default.DnsChange, ct);

    public Task<DnsChange> GetChangeAsync(string zone, string id, CancellationToken ct) =>
        SendAsync("changes.get", HttpMethod.Get, $"managedZones/{Uri.EscapeDataString(zone)}/changes/{Uri.EscapeDataString(id)}", null,
            CloudDnsJsonContext.Default.DnsChange, ct);

    private async Task<T> SendAsync<T>(string call, HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var uri = ApiUri.Join(endpoint, $"dns/v1/projects/{Uri.EscapeDataString(project)}/{path}");
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"clouddns {call}: {uri.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", inner: e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync(type, ct) ?? throw new DnsProviderException($"clouddns {call}: empty answer");
            }

            GoogleError? error = null;
            try
            {
                error = (await response.Content.ReadFromJsonAsync(CloudDnsJsonContext.Default.GoogleErrorBody, ct))?.Error;
            }
            catch (JsonException)
            {
                // Not a Google error body (a proxy's page); the status says enough.
            }

            var throttled = response.StatusCode == HttpStatusCode.TooManyRequests || error?.Status == "RESOURCE_EXHAUSTED";
            throw new DnsProviderException(
                $"clouddns {call} in project {project}: {(int)response.StatusCode} {error?.Status} {error?.Message}".TrimEnd(),
                throttled ? RetryAfter.From(response.Headers, time) ?? TimeSpan.FromSeconds(10) : null);
        }
    }
}
