namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// client-go's work queue: a key waits at most once (duplicates merge), is never handed to two workers at
/// once (a key added while it is processing runs again after <see cref="Done"/>), and can be delayed with
/// precise <see cref="TimeProvider"/> timers.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<ObjectKey> _queue = new();
    private readonly HashSet<ObjectKey> _dirty = [];
    private readonly HashSet<ObjectKey> _processing = [];
    private readonly Dictionary<ObjectKey, (DateTimeOffset Due, ITimer Timer)> _waiting = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private bool _shutDown;

    public WorkQueue(TimeProvider time, RateLimiter? rateLimiter = null)
    {
        _time = time;
        RateLimiter = rateLimiter ?? new RateLimiter(time);
    }

    public RateLimiter RateLimiter { get; }

    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Add(ObjectKey key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds the key after <paramref name="delay"/>; an earlier pending delay for the same key wins.</summary>
    public void AddAfter(ObjectKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            var due = _time.GetUtcNow() + delay;
            if (_shutDown || (_waiting.TryGetValue(key, out var pending) && pending.Due <= due))
            {
                return;
            }

            pending.Timer?.Dispose();
            var timer = _time.CreateTimer(_ => Fire(key, due), null, delay, Timeout.InfiniteTimeSpan);
            _waiting[key] = (due, timer);
        }
    }

    /// <summary>Adds the key after its rate-limited backoff (a failure).</summary>
    public void AddRateLimited(ObjectKey key) => AddAfter(key, RateLimiter.When(key));

    /// <summary>Clears the key's failure count (a success).</summary>
    public void Forget(ObjectKey key) => RateLimiter.Forget(key);

    /// <summary>Waits for a key and marks it processing; returns null after <see cref="ShutDown"/>.</summary>
    public async Task<ObjectKey?> GetAsync(CancellationToken ct)
    {
        await _available.WaitAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                return null;
            }

            var key = _queue.Dequeue();
            _processing.Add(key);
            _dirty.Remove(key);
            return key;
        }
    }

    /// <summary>Ends processing of a key; if it was added meanwhile it goes back in the queue.</summary>
    public void Done(ObjectKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (!_dirty.Contains(key) || _shutDown)
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    public void ShutDown()
    {
        int waiters;
        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            _queue.Clear();
            foreach (var (_, timer) in _waiting.Values)
            {
                timer.Dispose();
            }

            _waiting.Clear();
            waiters = int.MaxValue / 2;
        }

        _available.Release(waiters);
    }

    private void Fire(ObjectKey key, DateTimeOffset due)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            _waiting.Remove(key);
            pending.Timer.Dispose();
        }

        Add(key);
    }

    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }
}
