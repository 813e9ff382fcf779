using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// A "server" on loopback that accepts TCP connections and never says a word: the worst an ACME server can do,
/// since nothing fails fast (no refusal, no reset, no TLS alert). Connections stay open until disposal.
/// </summary>
internal sealed class TarpitServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public TarpitServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>An https directory URL: a client sends its TLS hello and waits for an answer that never comes.</summary>
    public string DirectoryUrl => $"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/dir";

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
                Interlocked.Increment(ref _connections);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _listener.Dispose();
        _stop.Dispose();
    }
}
