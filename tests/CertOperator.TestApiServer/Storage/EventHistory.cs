namespace CertOperator.TestApiServer.Storage;

/// <summary>Bounded ring of recent events, so watches can resume from a resourceVersion inside the window.</summary>
internal sealed class EventHistory(int capacity)
{
    private readonly WatchEvent[] _ring = new WatchEvent[Math.Max(1, capacity)];
    private int _start;
    private int _count;

    /// <summary>resourceVersion of the newest event that has fallen out of the window (0 when none has).</summary>
    public long EvictedThrough { get; private set; }

    public void Add(WatchEvent e)
    {
        if (_count == _ring.Length)
        {
            EvictedThrough = _ring[_start].ResourceVersion;
            _ring[_start] = e;
            _start = (_start + 1) % _ring.Length;
        }
        else
        {
            _ring[(_start + _count) % _ring.Length] = e;
            _count++;
        }
    }

    public bool IsExpired(long resourceVersion) => resourceVersion < EvictedThrough;

    public IEnumerable<WatchEvent> After(long resourceVersion)
    {
        for (var i = 0; i < _count; i++)
        {
            var e = _ring[(_start + i) % _ring.Length];
            if (e.ResourceVersion > resourceVersion)
            {
                yield return e;
            }
        }
    }
}
