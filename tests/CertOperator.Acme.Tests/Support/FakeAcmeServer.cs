using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Testing;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Tests.Support;

/// <summary>
/// A scripted ACME server as an HttpMessageHandler: serves a directory and nonces, and answers other
/// requests from per-path queues of hand-written responses. Records every request it sees.
/// </summary>
public sealed class FakeAcmeServer : HttpMessageHandler
{
    public static readonly Uri Base = new("https://acme.test/");
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>>> _scripts = new();
    private int _nonce;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Every Replay-Nonce handed out, with the path of the response that carried it.</summary>
    public ConcurrentQueue<(string Path, string Nonce)> IssuedNonces { get; } = new();

    public bool OfferRenewalInfo { get; set; } = true;

    private int _newNonceCalls;

    public int NewNonceCalls => Volatile.Read(ref _newNonceCalls);

    public IAcmeClient CreateClient(
        TimeProvider? time = null, AcmeAccountKey? key = null, int maxRetries = 3, ILogger? logger = null, IAcmeRequestObserver? observer = null) =>
        AcmeClientFactory.Create(new AcmeClientOptions
    {
        DirectoryUrl = new Uri(Base, "dir"),
        AccountKey = key ?? AcmeAccountKey.Create(),
        AccountUrl = new Uri(Base, "acct/1"),
        Handler = this,
        TimeProvider = time ?? new FakeTimeProvider(),
        MaxTransientRetries = maxRetries,
        Logger = logger,
        RequestObserver = observer,
    });

    /// <summary>Queues a response for the next request to <paramref name="path"/>; the last one queued repeats.</summary>
    public void On(string path, Func<HttpRequestMessage, HttpResponseMessage> respond) =>
        _scripts.GetOrAdd(path, _ => new()).Enqueue(respond);

    public void OnJson(string path, HttpStatusCode status, string json, Action<HttpResponseMessage>? headers = null) => On(path, _ =>
    {
        var response = Json(status, json, status >= HttpStatusCode.BadRequest ? "application/problem+json" : "application/json");
        headers?.Invoke(response);
        return response;
    });

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, mediaType),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, body, request.Headers.UserAgent.ToString()));
        var path = request.RequestUri!.AbsolutePath.TrimStart('/');
        var response = path switch
        {
            "dir" => Json(HttpStatusCode.OK, Directory()),
            "nonce" => NewNonce(),
            _ => Scripted(path, request),
        };
        var nonce = "n" + Interlocked.Increment(ref _nonce);
        response.Headers.TryAddWithoutValidation("Replay-Nonce", nonce);
        IssuedNonces.Enqueue((path, nonce));
        response.RequestMessage = request;
        return response;
    }

    private HttpResponseMessage NewNonce()
    {
        Interlocked.Increment(ref _newNonceCalls);
        return new HttpResponseMessage(HttpStatusCode.OK);
    }

    private HttpResponseMessage Scripted(string path, HttpRequestMessage request)
    {
        if (!_scripts.TryGetValue(path, out var queue) || !queue.TryPeek(out var respond))
        {
            return Json(HttpStatusCode.NotFound, $"{{\"type\":\"urn:ietf:params:acme:error:malformed\",\"detail\":\"no script for {path}\"}}", "application/problem+json");
        }

        if (queue.Count > 1)
        {
            queue.TryDequeue(out _);
        }

        return respond(request);
    }

    private string Directory()
    {
        var directory = new JsonObject
        {
            ["newNonce"] = new Uri(Base, "nonce").AbsoluteUri,
            ["newAccount"] = new Uri(Base, "new-acct").AbsoluteUri,
            ["newOrder"] = new Uri(Base, "new-order").AbsoluteUri,
            ["revokeCert"] = new Uri(Base, "revoke").AbsoluteUri,
            ["keyChange"] = new Uri(Base, "key-change").AbsoluteUri,
            ["meta"] = new JsonObject { ["profiles"] = new JsonObject { ["shortlived"] = "6-day certificates" } },
        };
        if (OfferRenewalInfo)
        {
            directory["renewalInfo"] = new Uri(Base, "renewal-info").AbsoluteUri;
        }

        return directory.ToJsonString();
    }
}

/// <summary>A request as the fake server saw it, with helpers to decode its JWS.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Url, string? Body, string UserAgent)
{
    public JsonNode Jws => JsonNode.Parse(Body!)!;

    public JsonNode ProtectedHeader => JsonNode.Parse(Base64Url.DecodeFromChars(Jws["protected"]!.GetValue<string>()))!;

    public JsonNode? Payload => Jws["payload"]!.GetValue<string>() is { Length: > 0 } p ? JsonNode.Parse(Base64Url.DecodeFromChars(p)) : null;

    public string PayloadText => Jws["payload"]!.GetValue<string>();

    public static JsonNode Parse(string json) => JsonNode.Parse(json) ?? throw new JsonException("null");
}
