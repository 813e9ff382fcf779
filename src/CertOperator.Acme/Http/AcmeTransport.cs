using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CertOperator.Acme.Jws;
using CertOperator.Acme.Model;
using CertOperator.Acme.Wire;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CertOperator.Acme.Http;

/// <summary>
/// Sends ACME requests: size-capped bodies, nonce pooling with badNonce retries, Polly retries of
/// transient faults, a deadline per request, and problem documents turned into <see cref="AcmeProblemException"/>.
/// </summary>
internal sealed class AcmeTransport
{
    internal const int MaxBadNonceRetries = 20;
    private const string JoseJson = "application/jose+json";
    private static readonly TimeSpan MaxHonouredServerDelay = TimeSpan.FromSeconds(30);
    private static readonly ResiliencePropertyKey<Uri> RequestUrl = new("acme.url");

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;
    private readonly IAcmeRequestObserver? _observer;
    private readonly NoncePool _nonces = new();
    private readonly ResiliencePipeline<AcmeResponse> _pipeline;

    public AcmeTransport(
        HttpClient http, TimeProvider time, TimeSpan requestTimeout, ILogger logger, int maxTransientRetries = 3, IAcmeRequestObserver? observer = null)
    {
        _http = http;
        _time = time;
        _requestTimeout = requestTimeout;
        _logger = logger;
        _observer = observer;
        _pipeline = BuildPipeline(maxTransientRetries);
    }

    public async Task<AcmeResponse> GetAsync(Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(
            url,
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                return await SendAsync(request, maxBytes, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? response : throw ToProblem(response);
    }

    /// <summary>Signs (with a fresh nonce per attempt) and POSTs; badNonce is retried with the nonce the error carried.</summary>
    public async Task<AcmeResponse> PostAsync(
        Uri url, Uri newNonceUrl, Func<string, JwsMessage> sign, string accept, int maxBytes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await ExecuteAsync(
                url,
                async token =>
                {
                    var nonce = await TakeNonceAsync(newNonceUrl, token).ConfigureAwait(false);
                    var body = JsonSerializer.SerializeToUtf8Bytes(sign(nonce), AcmeJsonContext.Default.JwsMessage);
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(JoseJson);
                    request.Headers.Accept.ParseAdd(accept);
                    return await SendAsync(request, maxBytes, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            if (response.IsSuccess)
            {
                return response;
            }

            var problem = ToProblem(response);
            if (problem.Type != AcmeErrors.BadNonce || attempt > MaxBadNonceRetries)
            {
                throw problem;
            }

            Log.BadNonce(_logger, url, attempt);
        }
    }

    private async Task<AcmeResponse> ExecuteAsync(Uri url, Func<CancellationToken, Task<AcmeResponse>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestUrl, url);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state(ctx.CancellationToken).ConfigureAwait(false), context, send).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<string> TakeNonceAsync(Uri newNonceUrl, CancellationToken cancellationToken)
    {
        if (_nonces.TryTake(out var nonce))
        {
            return nonce;
        }

        using var request = new HttpRequestMessage(HttpMethod.Head, newNonceUrl);
        var response = await SendAsync(request, 0, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw ToProblem(response);
        }

        return _nonces.TryTake(out nonce)
            ? nonce
            : throw new AcmeProblemException(
                new AcmeProblem { Type = AcmeErrors.Unknown, Detail = $"{newNonceUrl} returned no Replay-Nonce header." },
                response.Status,
                null);
    }

    /// <summary>One request with its own deadline covering the headers and the body, on the client's clock.</summary>
    private async Task<AcmeResponse> SendAsync(HttpRequestMessage request, int maxBytes, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_requestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var attempt = new Attempt(request, _time.GetTimestamp());
        try
        {
            return await SendOnceAsync(attempt, maxBytes, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AcmeTimeoutException(request.Method.Method, request.RequestUri!, _requestTimeout);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var error = e switch
            {
                HttpRequestException http => http.HttpRequestError,
                HttpIOException io => io.HttpRequestError,
                _ => HttpRequestError.Unknown,
            };
            throw new AcmeConnectionException(request.Method.Method, request.RequestUri!, error, e);
        }
        finally
        {
            if (!attempt.Answered)
            {
                Observe(attempt, AcmeRequestObservation.NoResponse);
            }
        }
    }

    private async Task<AcmeResponse> SendOnceAsync(Attempt attempt, int maxBytes, CancellationToken cancellationToken)
    {
        var request = attempt.Request;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        attempt.Answered = true;
        Observe(attempt, (int)response.StatusCode);
        if (response.Headers.TryGetValues("Replay-Nonce", out var nonces))
        {
            foreach (var value in nonces)
            {
                _nonces.Add(value);
            }
        }

        var url = request.RequestUri!;
        Log.Response(_logger, request.Method.Method, url, (int)response.StatusCode);
        var limit = response.IsSuccessStatusCode ? maxBytes : 64 * 1024;
        var body = request.Method == HttpMethod.Head ? [] : await BoundedBody.ReadAsync(response, limit, cancellationToken).ConfigureAwait(false);
        var location = response.Headers.Location;
        return new AcmeResponse
        {
            RequestUrl = url,
            Status = response.StatusCode,
            Body = body,
            ContentType = response.Content.Headers.ContentType?.MediaType,
            Location = location is null ? null : new Uri(url, location),
            RetryAfter = RetryAfterParser.Parse(response.Headers.RetryAfter, _time.GetUtcNow()),
            Links = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Parse(links, url) : [],
        };
    }

    private void Observe(Attempt attempt, int statusCode) => _observer?.RequestCompleted(new AcmeRequestObservation
    {
        Url = attempt.Request.RequestUri!,
        Method = attempt.Request.Method.Method,
        Action = AcmeActions.Current ?? AcmeActions.Unnamed,
        StatusCode = statusCode,
        Duration = _time.GetElapsedTime(attempt.StartedAt),
    });

    private static AcmeProblemException ToProblem(AcmeResponse response)
    {
        AcmeProblem? problem = null;
        if (response.Body.Length > 0 && response.ContentType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = JsonSerializer.Deserialize(response.Body, AcmeJsonContext.Default.AcmeProblem);
            }
            catch (JsonException)
            {
                problem = null;
            }
        }

        problem ??= new AcmeProblem
        {
            Type = AcmeErrors.Unknown,
            Detail = $"HTTP {(int)response.Status} from {response.RequestUrl} without a problem document.",
        };
        return new AcmeProblemException(problem, response.Status, response.RetryAfter);
    }

    private ResiliencePipeline<AcmeResponse> BuildPipeline(int maxTransientRetries)
    {
        var options = new RetryStrategyOptions<AcmeResponse>
        {
            MaxRetryAttempts = Math.Max(1, maxTransientRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Result)),
            OnRetry = args =>
            {
                var reason = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.Status}";
                Log.TransientRetry(_logger, args.Context.Properties.GetValue(RequestUrl, null!), reason, args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<AcmeResponse> { TimeProvider = _time }.AddRetry(options).Build();
    }

    private bool IsTransient(Outcome<AcmeResponse> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            // A timeout is not retried (see AcmeTimeoutException), nor a failed TLS handshake: the certificate will not change in 200 ms.
            return exception is AcmeConnectionException { HttpRequestError: not HttpRequestError.SecureConnectionError };
        }

        var response = outcome.Result!;
        // 429 (rateLimited) is never retried here: the caller must wait for its Retry-After.
        if (response.Status is not (HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
        {
            return false;
        }

        return response.RetryAfter is not { } until || until - _time.GetUtcNow() <= MaxHonouredServerDelay;
    }

    private TimeSpan? ServerDelay(AcmeResponse? response) =>
        response?.RetryAfter is { } until ? TimeSpan.FromTicks(Math.Max(0, (until - _time.GetUtcNow()).Ticks)) : null;

    /// <summary>One HTTP request in flight; answered once its response headers arrived.</summary>
    private sealed class Attempt(HttpRequestMessage request, long startedAt)
    {
        public HttpRequestMessage Request { get; } = request;

        public long StartedAt { get; } = startedAt;

        public bool Answered { get; set; }
    }
}
