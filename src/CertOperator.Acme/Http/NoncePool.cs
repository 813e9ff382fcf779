using System.Collections.Concurrent;

namespace CertOperator.Acme.Http;

/// <summary>
/// Replay-Nonce values harvested from every response, so most requests need no extra newNonce
/// round trip. Bounded: the oldest nonces are the likeliest to have expired server-side.
/// </summary>
internal sealed class NoncePool
{
    private const int Capacity = 32;
    private readonly ConcurrentQueue<string> _nonces = new();

    public int Count => _nonces.Count;

    public void Add(string nonce)
    {
        _nonces.Enqueue(nonce);
        while (_nonces.Count > Capacity && _nonces.TryDequeue(out _))
        {
        }
    }

    public bool TryTake(out string nonce)
    {
        // Newest-first would be better for expiry, but a queue keeps this lock-free and the pool is small.
        return _nonces.TryDequeue(out nonce!);
    }
}
