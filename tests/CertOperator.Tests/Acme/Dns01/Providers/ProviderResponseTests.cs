using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CertOperator.Acme.Dns01.Providers;
using CertOperator.Testing;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>How long a provider's refusal asks us to wait, from the headers providers actually send.</summary>
public sealed class ProviderResponseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, HttpStatusCode, string?, string?, TimeSpan?> Cases => new()
    {
        { "429 with Retry-After seconds (Cloudflare)", HttpStatusCode.TooManyRequests, "7", null, TimeSpan.FromSeconds(7) },
        { "429 with Retry-After as a date", HttpStatusCode.TooManyRequests, Now.AddSeconds(40).ToString("r", CultureInfo.InvariantCulture), null, TimeSpan.FromSeconds(40) },
        { "429 with only RateLimit-Reset (DigitalOcean)", HttpStatusCode.TooManyRequests, null, Now.AddSeconds(25).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(25) },
        { "429 with a reset in the past", HttpStatusCode.TooManyRequests, null, Now.AddSeconds(-5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), TimeSpan.Zero },
        { "429 saying nothing waits a minute", HttpStatusCode.TooManyRequests, null, null, TimeSpan.FromMinutes(1) },
        { "503 with Retry-After", HttpStatusCode.ServiceUnavailable, "3", null, TimeSpan.FromSeconds(3) },
        { "503 without it backs off normally", HttpStatusCode.ServiceUnavailable, null, null, null },
        { "403 never carries a wait", HttpStatusCode.Forbidden, "9", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Retry_after(string name, HttpStatusCode status, string? retryAfter, string? rateLimitReset, TimeSpan? expected)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = RetryConditionHeaderValue.Parse(retryAfter);
        }

        if (rateLimitReset is not null)
        {
            response.Headers.Add("RateLimit-Reset", rateLimitReset);
        }

        ProviderResponse.RetryAfter(response, new FakeTimeProvider(Now)).Should().Be(expected, name);
    }
}
