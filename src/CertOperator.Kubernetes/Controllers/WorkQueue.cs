namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// client-go's work queue: a key waits at most once (duplicates merge), is never handed to two workers at
/// once (a key added while it is processing runs again after <see cref="Done"/>), and can be delayed with
/// precise <see cref="TimeProvider"/> timing of any length. Delayed keys wait in one schedule under one timer
/// armed for the earliest: a timer per key cost ~300 bytes each, two per Certificate (6 MB at 10,000).
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    /// <summary>
    /// The longest the timer is armed for. .NET timers refuse more than ~49.7 days, and a 10-year certificate
    /// waits far longer, so a long wait is a chain of timer periods re-armed against the wall clock.
    /// </summary>
    internal static readonly TimeSpan MaxTimerSpan = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly Queue<ObjectKey> _queue = new();
    private readonly HashSet<ObjectKey> _dirty = [];
    private readonly HashSet<ObjectKey> _processing = [];
    private readonly Dictionary<ObjectKey, DateTimeOffset> _waiting = [];

    // Every wake-up asked for, earliest first; an entry whose due time is no longer the key's in _waiting is stale
    // (replaced or fired) and skipped when it comes up.
    private readonly PriorityQueue<ObjectKey, DateTimeOffset> _schedule = new();
    private readonly ITimer _timer;
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private DateTimeOffset? _armedFor;
    private bool _shutDown;

    public WorkQueue(TimeProvider time, RateLimiter? rateLimiter = null)
    {
        _time = time;
        RateLimiter = rateLimiter ?? new RateLimiter(time);
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
            var now = _time.GetUtcNow();
            var due = now + delay;
            if (_shutDown || (_waiting.TryGetValue(key, out var pending) && pending <= due))
            {
                return;
            }

            _waiting[key] = due;
            _schedule.Enqueue(key, due);
            if (_schedule.Count > (2 * _waiting.Count) + 64)
            {
                DropStaleEntries();
            }

            if (_armedFor is not { } armed || due < armed)
            {
                Arm(now);
            }
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
            _waiting.Remove(key);
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
            _timer.Dispose();
            _armedFor = null;
            _waiting.Clear();
            _schedule.Clear();
            waiters = int.MaxValue / 2;
        }

        _available.Release(waiters);
    }

    /// <summary>Arms the timer for the earliest live wake-up (at most <see cref="MaxTimerSpan"/> ahead), or disarms it.</summary>
    private void Arm(DateTimeOffset now)
    {
        while (_schedule.TryPeek(out var key, out var due) && (!_waiting.TryGetValue(key, out var live) || live != due))
        {
            _schedule.Dequeue();
        }

        if (_shutDown || !_schedule.TryPeek(out _, out var earliest))
        {
            _armedFor = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = earliest - now;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait < MaxTimerSpan ? wait : MaxTimerSpan;
        _armedFor = now + wait;
        _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Queues every key whose wake-up has come, then re-arms for the next.</summary>
    private void Fire()
    {
        var due = new List<ObjectKey>();
        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            var now = _time.GetUtcNow();
            while (_schedule.TryPeek(out var key, out var at) && at <= now)
            {
                _schedule.Dequeue();
                if (_waiting.TryGetValue(key, out var live) && live == at)
                {
                    _waiting.Remove(key);
                    due.Add(key);
                }
            }

            Arm(now);
        }

        foreach (var key in due)
        {
            Add(key);
        }
    }

    /// <summary>Rebuilds the schedule from the live wake-ups when replaced ones outnumber them.</summary>
    private void DropStaleEntries()
    {
        _schedule.Clear();
        foreach (var (key, due) in _waiting)
        {
            _schedule.Enqueue(key, due);
        }
    }

    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }
}
