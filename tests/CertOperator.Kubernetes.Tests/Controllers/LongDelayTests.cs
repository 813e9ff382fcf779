using System.Collections.Concurrent;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Tests.Controllers;

/// <summary>
/// Delays longer than a .NET timer accepts (~49.7 days) on a fake clock that refuses them as the real
/// one does: a renewal years away goes through the same queue as a 10-second requeue.
/// </summary>
public sealed class LongDelayTests
{
    private static readonly ObjectKey A = new("ns", "a");
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(365)]
    [InlineData(3650)]
    public void AddAfter_accepts_delays_beyond_the_timer_limit_and_fires_exactly_at_the_due_time(int days)
    {
        using var queue = new WorkQueue(_time);
        var delay = TimeSpan.FromDays(days) + TimeSpan.FromSeconds(7);

        queue.AddAfter(A, delay);

        _time.Advance(delay - TimeSpan.FromMilliseconds(1));
        queue.Length.Should().Be(0, "nothing is due a millisecond early");
        queue.Waiting.Should().Be(1);
        _time.PendingTimers.Should().Be(1, "one re-armed timer per waiting key, never a pile of them");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Length.Should().Be(1);
        queue.Waiting.Should().Be(0);
        _time.PendingTimers.Should().Be(0);
    }

    [Fact]
    public void An_earlier_delay_replaces_a_long_one_and_a_later_one_does_not()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromDays(400));
        queue.AddAfter(A, TimeSpan.FromDays(500));
        queue.AddAfter(A, TimeSpan.FromDays(100));

        _time.Advance(TimeSpan.FromDays(100));
        queue.Length.Should().Be(1);
        _time.PendingTimers.Should().Be(0, "the 400-day wait was replaced, not kept beside the 100-day one");
    }

    /// <summary>
    /// A 90-day, 1-year, 5-year and 10-year certificate, each renewed at two thirds of its life (cert-manager's
    /// default): over 30 years the reconciler runs exactly at every renewal time and at no other moment.
    /// </summary>
    [Theory]
    [InlineData(90)]
    [InlineData(365)]
    [InlineData(5 * 365)]
    [InlineData(10 * 365)]
    public async Task A_certificate_is_reconciled_exactly_at_each_renewal_over_thirty_years_and_otherwise_never(int lifetimeDays)
    {
        var lifetime = TimeSpan.FromDays(lifetimeDays);
        var start = _time.GetUtcNow();
        var runs = new ConcurrentQueue<DateTimeOffset>();
        var notAfter = start;
        var reconciler = new Reconciler((_, _) =>
        {
            var now = _time.GetUtcNow();
            runs.Enqueue(now);
            var renewal = notAfter - (lifetime / 3);
            if (now >= renewal)
            {
                notAfter = now + lifetime;
                renewal = notAfter - (lifetime / 3);
            }

            return Task.FromResult(ReconcileResult.RequeueAfter(renewal - now));
        });
        using var controller = new Controller("renewals", reconciler, 2, new WorkQueue(_time), null, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);

        controller.Queue.Add(A);
        await Eventually.True(() => controller.Queue.Waiting == 1, "the first issuance schedules its renewal");
        var horizon = start + TimeSpan.FromDays(30 * 365);
        var expected = new List<DateTimeOffset> { start };
        for (var at = start + (lifetime * 2 / 3); at <= horizon; at += lifetime * 2 / 3)
        {
            expected.Add(at);
        }

        foreach (var due in expected.Skip(1))
        {
            _time.Advance(due - _time.GetUtcNow() - TimeSpan.FromSeconds(1));
            runs.Should().HaveCount(expected.IndexOf(due), "no run happens before the renewal time");
            _time.Advance(TimeSpan.FromSeconds(1));
            await Eventually.True(() => runs.Count == expected.IndexOf(due) + 1 && controller.Queue.Waiting == 1, "the renewal runs and schedules the next one");
        }

        await stop.CancelAsync();
        await workers;
        runs.Should().Equal(expected);
        controller.Queue.RateLimiter.Failures(A).Should().Be(0);
    }

    /// <summary>
    /// The readiness controller's case: it wakes at the certificate's expiry. Renewed on day 60, the certificate now
    /// expires on day 150, and the wake-up the first reconcile asked for (day 90) is stale: it must not run then.
    /// </summary>
    [Fact]
    public async Task A_requeue_replaces_the_earlier_one_a_previous_reconcile_of_the_key_asked_for()
    {
        var barrier = new ObjectKey("ns", "barrier");
        var start = _time.GetUtcNow();
        var expiry = start + TimeSpan.FromDays(90);
        var runs = new ConcurrentQueue<(ObjectKey Key, DateTimeOffset At)>();
        var reconciler = new Reconciler((key, _) =>
        {
            var now = _time.GetUtcNow();
            runs.Enqueue((key, now));
            return Task.FromResult(key != barrier && expiry > now ? ReconcileResult.RequeueAfter(expiry - now) : ReconcileResult.Done);
        });
        using var controller = new Controller("readiness", reconciler, 1, new WorkQueue(_time), null, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);

        // One worker: once the barrier key has run, every key queued before it has been reconciled and rescheduled.
        async Task BarrierAsync(int n, string because)
        {
            controller.Queue.Add(barrier);
            await Eventually.True(() => runs.Count(r => r.Key == barrier) == n, because);
        }

        controller.Queue.Add(A);
        await BarrierAsync(1, "revision 1 schedules a wake-up at its expiry");
        _time.Advance(TimeSpan.FromDays(60));
        expiry = start + TimeSpan.FromDays(150);
        controller.Queue.Add(A);
        await BarrierAsync(2, "the renewal's reconcile schedules a wake-up at the new expiry");
        _time.Advance(TimeSpan.FromDays(31));
        await BarrierAsync(3, "a wake-up due on day 90 has run");
        runs.Count(r => r.Key == A).Should().Be(2, "day 90 is no longer anyone's expiry");
        _time.Advance(TimeSpan.FromDays(59));
        await Eventually.True(() => runs.Count(r => r.Key == A) == 3 && controller.Queue.Waiting == 0, "A runs at the renewed certificate's expiry");

        await stop.CancelAsync();
        await workers;
        runs.Where(r => r.Key == A).Select(r => (r.At - start).TotalDays).Should().Equal(0, 60, 150);
    }

    [Fact]
    public async Task Failure_counts_grow_until_success_even_when_each_retry_fails_again()
    {
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        var reconciler = new Reconciler((_, _) =>
        {
            attempts.Enqueue(_time.GetUtcNow());
            return Task.FromResult(attempts.Count < 6 ? ReconcileResult.Error("server unavailable") : ReconcileResult.RequeueAfter(TimeSpan.FromDays(60)));
        });
        using var controller = new Controller("backoff", reconciler, 1, new WorkQueue(_time), null, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);
        var start = _time.GetUtcNow();

        controller.Queue.Add(A);
        for (var n = 1; n < 6; n++)
        {
            await Eventually.True(() => attempts.Count == n && controller.Queue.Waiting == 1, $"attempt {n} fails and waits");
            controller.Queue.RateLimiter.Failures(A).Should().Be(n);
            _time.Advance(TimeSpan.FromSeconds(1 << (n - 1)));
        }

        await Eventually.True(() => attempts.Count == 6 && controller.Queue.Waiting == 1, "success schedules the 60-day requeue");
        await stop.CancelAsync();
        await workers;
        attempts.Select(t => (t - start).TotalSeconds).Should().Equal(0, 1, 3, 7, 15, 31);
        controller.Queue.RateLimiter.Failures(A).Should().Be(0, "success forgets the failures");
    }

    private sealed class Reconciler(Func<ObjectKey, CancellationToken, Task<ReconcileResult>> body) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => body(key, ct);
    }
}
