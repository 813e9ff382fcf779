using CertOperator.Kubernetes.Client;

namespace CertOperator.Kubernetes.Controllers;

/// <summary>
/// How long a failing key waits before it runs again: per-key exponential backoff (1 s doubling to 5 min,
/// reset by <see cref="Forget"/>) combined with a global token bucket so a mass failure cannot flood the API.
/// </summary>
internal sealed class RateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, int> _failures = [];
    private readonly TokenBucket _bucket;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    public RateLimiter(TimeProvider time, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, double qps = 10, int burst = 100)
    {
        _bucket = new TokenBucket(qps, burst, time);
        _baseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
        _maxDelay = maxDelay ?? TimeSpan.FromMinutes(5);
    }

    public TimeSpan When(ObjectKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
        }

        var backoff = failures >= 30 ? _maxDelay : TimeSpan.FromTicks(Math.Min(_maxDelay.Ticks, _baseDelay.Ticks * (1L << failures)));
        var global = _bucket.Reserve();
        return backoff > global ? backoff : global;
    }

    public int Failures(ObjectKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    public void Forget(ObjectKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }
}
