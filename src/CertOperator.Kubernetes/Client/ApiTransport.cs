using System.Net;
using System.Net.Http.Headers;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;
using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Client;

/// <summary>
/// Sends one API request: client-side rate limit, bearer token, Retry-After on 429 (and 5xx that carry it),
/// and turns failures into <see cref="KubernetesApiException"/> with the server's Status.
/// </summary>
internal sealed partial class ApiTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _baseUri;
    private readonly ITokenSource? _tokens;
    private readonly TokenBucket _limiter;
    private readonly KubernetesClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ApiTransport(KubernetesClientConfiguration config, KubernetesClientOptions options, TimeProvider time, ILogger logger)
    {
        _http = new HttpClient(HttpHandlerFactory.Create(config), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _baseUri = config.Server.AbsoluteUri.TrimEnd('/');
        _tokens = TokenSources.Create(config, time);
        _limiter = new TokenBucket(options.Qps, options.Burst, time);
        _options = options;
        _time = time;
        _logger = logger;
    }

    public TimeProvider Time => _time;

    /// <summary>Sends a request and returns the successful response; for a stream the body is left unread.</summary>
    public async Task<HttpResponseMessage> SendAsync(ApiRequest request, CancellationToken ct)
    {
        var reauthenticated = false;
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.WaitAsync(ct).ConfigureAwait(false);
            var response = await SendOnceAsync(request, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            // An expired exec-plugin or rotated file token: fetch a fresh one once before giving up.
            if (response.StatusCode == HttpStatusCode.Unauthorized && _tokens is not null && !reauthenticated)
            {
                reauthenticated = true;
                response.Dispose();
                _tokens.Invalidate();
                continue;
            }

            if (attempt < _options.MaxRetries && RetryDelay(response) is { } delay)
            {
                LogRetry(_logger, request.Method.Method, request.Path, (int)response.StatusCode, delay, attempt + 1);
                response.Dispose();
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                throw await ToExceptionAsync(response, request, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(_baseUri + request.Path));
        message.Headers.Accept.ParseAdd(request.Accept);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType!);
        }

        if (_tokens is not null && await _tokens.GetTokenAsync(ct).ConfigureAwait(false) is { } token)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Headers only: bodies are deserialised from the network stream instead of being buffered whole.
        return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }

    /// <summary>A token that also fires after <see cref="KubernetesClientOptions.RequestTimeout"/>, for one whole non-watch call.</summary>
    public RequestDeadline StartTimeout(CancellationToken ct) => new(_options.RequestTimeout, _time, ct);

    public TimeoutException TimedOut(ApiRequest request) => new($"{request.Method} {request.Path} timed out after {_options.RequestTimeout}");

    private TimeSpan? RetryDelay(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            delay ??= TimeSpan.FromSeconds(1);
        }
        else if ((int)response.StatusCode < 500 || delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    private static async Task<KubernetesApiException> ToExceptionAsync(HttpResponseMessage response, ApiRequest request, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        Status status;
        try
        {
            status = System.Text.Json.JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status) ?? new Status();
        }
        catch (System.Text.Json.JsonException)
        {
            status = new Status { Message = body.Length > 512 ? body[..512] : body };
        }

        status.Code ??= (int)response.StatusCode;
        status.Reason ??= response.ReasonPhrase;
        return KubernetesApiException.From(response.StatusCode, status, $"{request.Method} {request.Path}");
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode}; retrying in {Delay} (attempt {Attempt})")]
    private static partial void LogRetry(ILogger logger, string method, string path, int statusCode, TimeSpan delay, int attempt);
}
