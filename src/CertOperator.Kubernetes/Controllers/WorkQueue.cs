namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// client-go's work queue: a key waits at most once (duplicates merge), is never handed to two workers at
/// once (a key added while it is processing runs again after <see cref="Done"/>), and can be delayed with
/// precise <see cref="TimeProvider"/> timers of any length.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    /// <summary>
    /// The longest single timer armed. .NET timers refuse more than ~49.7 days, and a 10-year certificate
    /// waits far longer, so a long delay is a chain of timers re-armed against the wall clock.
    /// </summary>
    internal static readonly TimeSpan MaxTimerSpan = TimeSpan.FromDays(1);

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
            _waiting[key] = (due, Arm(key, due, delay));
        }
    }

    /// <summary>
    /// Makes <paramref name="delay"/> the key's only pending wake-up, even when the pending one is earlier: a reconcile
    /// decides from current state when it next needs to run, so what an earlier reconcile asked for is stale (a
    /// renewed certificate must not wake at the old one's expiry), as in cert-manager's scheduled work queue.
    /// </summary>
    public void Reschedule(ObjectKey key, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_waiting.Remove(key, out var pending))
            {
                pending.Timer.Dispose();
            }
        }

        AddAfter(key, delay);
    }

    /// <summary>No key is queued or being processed; keys waiting on a timer do not count.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count == 0 && _processing.Count == 0;
            }
        }
    }

    /// <summary>The number of keys waiting on a timer; tests assert on it.</summary>
    internal int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
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

    private ITimer Arm(ObjectKey key, DateTimeOffset due, TimeSpan remaining) =>
        _time.CreateTimer(_ => Fire(key, due), null, remaining < MaxTimerSpan ? remaining : MaxTimerSpan, Timeout.InfiniteTimeSpan);

    private void Fire(ObjectKey key, DateTimeOffset due)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            pending.Timer.Dispose();
            var remaining = due - _time.GetUtcNow();
            if (remaining > TimeSpan.Zero && !_shutDown)
            {
                _waiting[key] = (due, Arm(key, due, remaining));
                return;
            }

            _waiting.Remove(key);
        }

        Add(key);
    }

    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }
}
