using System.Globalization;
using System.Net;

namespace CertOperator.Acme.Dns01.Providers;

/// <summary>What DNS provider REST APIs have in common in their error answers.</summary>
internal static class ProviderResponse
{
    private const int MaxErrorBody = 64 * 1024;

    /// <summary>
    /// How long a 429 (or 503) asks us to wait: Retry-After as seconds or a date, else a RateLimit-Reset epoch
    /// (DigitalOcean), else a minute for a 429 without either.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var wait = Common.RetryAfter.From(response.Headers, time);
        if (wait is null && response.Headers.TryGetValues("RateLimit-Reset", out var reset)
            && long.TryParse(reset.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - time.GetUtcNow();
        }

        if (wait is null)
        {
            return response.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.FromMinutes(1) : null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The body of an error answer, bounded, for parsing the provider's error document.</summary>
    public static async Task<string> ErrorBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return body.Length > MaxErrorBody ? body[..MaxErrorBody] : body;
    }

    /// <summary>"429 Too Many Requests" style text for messages.</summary>
    public static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
}
