using System.Net;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>An AWS API (Route53 or STS) answered with an error body; the code lets callers tell cases apart.</summary>
internal sealed class AwsApiException(string call, HttpStatusCode status, string code, string message, TimeSpan? retryAfter)
    : Exception($"{call}: {(int)status} {code}: {message}".TrimEnd(' ', ':'))
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Whether AWS asked us to slow down (`Throttling`, `PriorRequestNotComplete`, HTTP 429).</summary>
    public bool IsThrottling => Status == HttpStatusCode.TooManyRequests || Code is "Throttling" or "ThrottlingException" or "PriorRequestNotComplete";

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
