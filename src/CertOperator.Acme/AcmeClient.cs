using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Acme.Http;
using CertOperator.Acme.Jws;
using CertOperator.Acme.Model;
using CertOperator.Acme.Wire;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme;

/// <summary>RFC 8555 client over <see cref="AcmeTransport"/>; split by resource into partial files.</summary>
internal sealed partial class AcmeClient : IAcmeClient
{
    internal const int JsonLimit = 1024 * 1024;
    internal const int ChainLimit = 256 * 1024;
    private const string Json = "application/json";
    private static readonly TimeSpan DirectoryLifetime = TimeSpan.FromHours(12);

    private readonly Uri _directoryUrl;
    private readonly HttpClient _http;
    private readonly AcmeTransport _transport;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _directoryGate = new(1, 1);
    private volatile CachedDirectory? _directory;
    private volatile AcmeAccountKey _key;
    private volatile Uri? _accountUrl;

    public AcmeClient(AcmeClientOptions options, HttpClient http, AcmeTransport transport, ILogger logger)
    {
        _directoryUrl = options.DirectoryUrl;
        _key = options.AccountKey;
        _accountUrl = options.AccountUrl;
        _time = options.TimeProvider;
        _http = http;
        _transport = transport;
        _logger = logger;
    }

    public Uri? AccountUrl => _accountUrl;

    public async Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken)
    {
        AcmeActions.Current ??= AcmeActions.Discover;
        if (_directory is { } cached && _time.GetUtcNow() - cached.FetchedAt < DirectoryLifetime)
        {
            return cached.Directory;
        }

        await _directoryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_directory is { } fresh && _time.GetUtcNow() - fresh.FetchedAt < DirectoryLifetime)
            {
                return fresh.Directory;
            }

            var response = await _transport.GetAsync(_directoryUrl, JsonLimit, cancellationToken).ConfigureAwait(false);
            var directory = Read(response, AcmeJsonContext.Default.AcmeDirectory);
            _directory = new CachedDirectory(directory, _time.GetUtcNow());
            return directory;
        }
        finally
        {
            _directoryGate.Release();
        }
    }

    public string KeyAuthorization(string token) => _key.KeyAuthorization(token);

    public string Dns01TxtValue(string token) => _key.Dns01TxtValue(token);

    public void Dispose()
    {
        _http.Dispose();
        _directoryGate.Dispose();
    }

    private Task<AcmeResponse> PostAsync<T>(Uri url, T payload, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SignedPostAsync(url, JsonSerializer.SerializeToUtf8Bytes(payload, type), useJwk: false, Json, JsonLimit, cancellationToken);

    private Task<AcmeResponse> PostAsGetAsync(Uri url, string accept, int limit, CancellationToken cancellationToken) =>
        SignedPostAsync(url, payload: null, useJwk: false, accept, limit, cancellationToken);

    private async Task<AcmeResponse> SignedPostAsync(
        Uri url, byte[]? payload, bool useJwk, string accept, int limit, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var key = _key;
        var kid = useJwk ? null : RequireAccountUrl().AbsoluteUri;
        return await _transport.PostAsync(
            url, directory.NewNonce, nonce => JwsSigner.Sign(key, url, nonce, kid, payload), accept, limit, cancellationToken).ConfigureAwait(false);
    }

    private Uri RequireAccountUrl() => _accountUrl
        ?? throw new InvalidOperationException("The ACME account URL is unknown: call EnsureAccountAsync or LookupAccountAsync first.");

    /// <summary>Directory and fetch time in one reference, so readers never see a torn pair.</summary>
    private sealed record CachedDirectory(AcmeDirectory Directory, DateTimeOffset FetchedAt);

    private static T Read<T>(AcmeResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new AcmeProblemException(
                new AcmeProblem { Type = AcmeErrors.Unknown, Detail = $"Malformed {typeof(T).Name} from {response.RequestUrl}: {e.Message}" },
                response.Status,
                null);
        }
    }
}
