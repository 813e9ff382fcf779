using System.Net;
using System.Net.Http.Headers;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;
using k8s.Authentication;
using Microsoft.Extensions.Logging;
using k8s.Models;

namespace CertOperator.Kubernetes.Client;

/// <summary>
/// Sends one API request with KubernetesClient's credentials (static or file token, exec plugin, basic auth) and adds
/// what it lacks: client-side rate limit, Retry-After on 429 (and 5xx that carry it), one credential reload on 401,
/// and <see cref="KubernetesApiException"/> carrying the server's Status.
/// </summary>
internal sealed partial class ApiTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubernetesClientConfiguration _config;
    private readonly string _baseUri;
    private readonly string? _tlsServerName;
    private readonly TokenBucket _limiter;
    private readonly KubernetesClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile ServiceClientCredentials? _credentials;

    public ApiTransport(KubernetesClientConfiguration config, KubernetesClientOptions options, TimeProvider time, ILogger logger)
    {
        _http = new HttpClient(ApiServerHandler.Create(config), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _config = config;
        _credentials = k8s.Kubernetes.CreateCredentials(config.Settings);
        _baseUri = config.Server.AbsoluteUri.TrimEnd('/');
        _tlsServerName = string.IsNullOrWhiteSpace(config.Settings.TlsServerName) ? null : config.Settings.TlsServerName;
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

            // A revoked exec-plugin token or a rotated token file: load the credentials afresh once before giving up.
            if (response.StatusCode == HttpStatusCode.Unauthorized && _config.CanReload && !reauthenticated)
            {
                reauthenticated = true;
                response.Dispose();
                _credentials = await Task.Run(_config.ReloadCredentials, ct).ConfigureAwait(false);
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
        // HTTP/2 when TLS negotiates it (kube-apiserver does), HTTP/1.1 otherwise: one multiplexed connection instead of
        // one per request in flight (45 sockets after issuing 1,000 Certificates over HTTP/1.1).
        using var message = new HttpRequestMessage(request.Method, new Uri(_baseUri + request.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        message.Headers.Accept.ParseAdd(request.Accept);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType!);
        }

        if (_credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(message, ct).ConfigureAwait(false);
        }

        // As KubernetesClient does: SocketsHttpHandler takes SNI and the expected certificate name from Host, not SslOptions.
        if (_tlsServerName is not null)
        {
            message.Headers.Host = _tlsServerName;
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
        V1Status status;
        try
        {
            status = System.Text.Json.JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.V1Status) ?? new V1Status();
        }
        catch (System.Text.Json.JsonException)
        {
            status = new V1Status { Message = body.Length > 512 ? body[..512] : body };
        }

        status.Code ??= (int)response.StatusCode;
        status.Reason ??= response.ReasonPhrase;
        return KubernetesApiException.From(response.StatusCode, status, $"{request.Method} {request.Path}");
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode}; retrying in {Delay} (attempt {Attempt})")]
    private static partial void LogRetry(ILogger logger, string method, string path, int statusCode, TimeSpan delay, int attempt);
}
