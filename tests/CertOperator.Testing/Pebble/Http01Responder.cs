using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CertOperator.Testing.Pebble;

/// <summary>
/// Answers http-01 validation requests on the port from an in-memory token map and,
/// optionally, from a webroot directory (for clients such as lego's --http.webroot).
/// </summary>
public sealed class Http01Responder : IAsyncDisposable
{
    private const string Prefix = "/.well-known/acme-challenge/";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, string> _responses = new();
    private readonly string? _webroot;
    private readonly Task _loop;
    private long _served;

    private Http01Responder(int port, string? webroot)
    {
        Port = port;
        _webroot = webroot;
        // "+" accepts any Host header: validation requests name the domain under test, not 127.0.0.1.
        _listener.Prefixes.Add($"http://+:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public long RequestsServed => Interlocked.Read(ref _served);

    public static Http01Responder Start(int port, string? webroot = null) => new(port, webroot);

    public void Set(string token, string keyAuthorization) => _responses[token] = keyAuthorization;

    public void Remove(string token) => _responses.TryRemove(token, out _);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Respond(context);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url?.AbsolutePath ?? string.Empty;
        var body = path.StartsWith(Prefix, StringComparison.Ordinal) ? Lookup(path[Prefix.Length..]) : null;
        if (body is null)
        {
            response.StatusCode = 404;
            return;
        }

        Interlocked.Increment(ref _served);
        var bytes = Encoding.ASCII.GetBytes(body);
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private string? Lookup(string token)
    {
        if (_responses.TryGetValue(token, out var keyAuthorization))
        {
            return keyAuthorization;
        }

        if (_webroot is null || token.Contains('/', StringComparison.Ordinal) || token.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var file = Path.Combine(_webroot, ".well-known", "acme-challenge", token);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }
}
