using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>
/// The Cloudflare v4 calls DNS-01 needs (zones by name, TXT records list/create/delete), as cert-manager makes them.
/// Errors become <see cref="DnsProviderException"/> with Cloudflare's `errors[]` codes and messages.
/// </summary>
internal sealed class CloudflareClient(HttpClient http, Uri baseUri, CloudflareCredentials credentials, TimeProvider time)
{
    private const int PageSize = 100;

    /// <summary>
    /// The nearest zone of the account containing <paramref name="fqdn"/>: `GET /zones?name=` for the name and each parent
    /// with two labels or more; null when none is found.
    /// </summary>
    public async Task<CloudflareZone?> FindZoneAsync(string fqdn, CancellationToken ct)
    {
        var labels = fqdn.TrimEnd('.').Split('.');
        for (var i = 0; i < labels.Length - 1; i++)
        {
            if (labels[i] == "*")
            {
                continue;
            }

            var name = string.Join('.', labels[i..]);
            var answer = await SendAsync(HttpMethod.Get, $"zones?name={Uri.EscapeDataString(name)}", null, ct);
            if (Result(answer, CloudflareJsonContext.Default.ListCloudflareZone).FirstOrDefault(z => string.Equals(z.Name, name, StringComparison.OrdinalIgnoreCase)) is { } zone)
            {
                return zone;
            }
        }

        return null;
    }

    /// <summary>Every TXT record named <paramref name="name"/> (no trailing dot) in the zone, across all pages.</summary>
    public async Task<IReadOnlyList<CloudflareRecord>> ListTxtAsync(string zoneId, string name, CancellationToken ct)
    {
        var records = new List<CloudflareRecord>();
        for (var page = 1; ; page++)
        {
            var path = $"zones/{Uri.EscapeDataString(zoneId)}/dns_records?type=TXT&name={Uri.EscapeDataString(name)}&per_page={PageSize}&page={page.ToString(CultureInfo.InvariantCulture)}";
            var answer = await SendAsync(HttpMethod.Get, path, null, ct);
            var batch = Result(answer, CloudflareJsonContext.Default.ListCloudflareRecord);
            records.AddRange(batch);
            if (answer.ResultInfo is not { } info || page >= info.TotalPages || batch.Count == 0)
            {
                return records;
            }
        }
    }

    /// <summary>Creates the TXT record; Cloudflare's "identical record already exists" (a concurrent present) is success.</summary>
    public async Task CreateTxtAsync(string zoneId, string name, string content, int ttl, CancellationToken ct)
    {
        var record = new CloudflareRecord { Type = "TXT", Name = name, Content = content, Ttl = ttl };
        using var body = JsonContent.Create(record, CloudflareJsonContext.Default.CloudflareRecord);
        await SendAsync(HttpMethod.Post, $"zones/{Uri.EscapeDataString(zoneId)}/dns_records", body, ct, CloudflareError.IdenticalRecordExists);
    }

    public async Task DeleteAsync(string zoneId, string recordId, CancellationToken ct) =>
        await SendAsync(HttpMethod.Delete, $"zones/{Uri.EscapeDataString(zoneId)}/dns_records/{Uri.EscapeDataString(recordId)}", null, ct);

    private static T Result<T>(CloudflareEnvelope answer, JsonTypeInfo<T> type)
        where T : new() =>
        answer.Result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? new T() : answer.Result.Deserialize(type) ?? new T();

    private async Task<CloudflareEnvelope> SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken ct, int? acceptedErrorCode = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = body };
        credentials.Apply(request);
        var call = $"{method} /{path.Split('?')[0]}";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"Cloudflare API {call}: {e.Message}", inner: e);
        }

        using (response)
        {
            var text = await ProviderResponse.ErrorBodyAsync(response, ct).ConfigureAwait(false);
            CloudflareEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(text, CloudflareJsonContext.Default.CloudflareEnvelope);
            }
            catch (JsonException)
            {
                envelope = null;
            }

            if (envelope is { Success: true } && response.IsSuccessStatusCode)
            {
                return envelope;
            }

            if (acceptedErrorCode is { } code && envelope?.Errors?.Any(e => e.Code == code) == true)
            {
                return envelope;
            }

            throw Refused(call, response, envelope);
        }
    }

    private DnsProviderException Refused(string call, HttpResponseMessage response, CloudflareEnvelope? envelope)
    {
        var errors = envelope?.Errors is { Count: > 0 } list ? string.Join("; ", list) : "no error details in the answer";
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || envelope?.Errors?.Any(e => e.Code is 9103 or 10000 or 6003) == true
            ? " (check the API token, or the API key and email, and that it may read zones and edit DNS)"
            : string.Empty;
        return new DnsProviderException($"Cloudflare API {call} answered {ProviderResponse.Describe(response)}: {errors}{hint}", ProviderResponse.RetryAfter(response, time));
    }
}
