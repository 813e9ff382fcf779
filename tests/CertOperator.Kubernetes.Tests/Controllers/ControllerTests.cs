using System.Collections.Concurrent;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly ObjectKey A = new("ns", "a");

    [Fact]
    public async Task Eight_workers_never_reconcile_the_same_key_concurrently()
    {
        var reconciler = new TrackingReconciler(async (_, ct) =>
        {
            await Task.Delay(2, ct);
            return ReconcileResult.Done;
        });
        using var controller = NewController(reconciler, TimeProvider.System, workers: 8);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);
        var keys = Enumerable.Range(0, 4).Select(i => new ObjectKey("ns", $"k{i}")).ToArray();

        for (var round = 0; round < 200; round++)
        {
            controller.Queue.Add(keys[round % keys.Length]);
            await Task.Yield();
        }

        await Eventually.True(() => controller.Queue.Length == 0 && reconciler.InFlight.Values.All(v => v == 0), "the queue drains");
        await stop.CancelAsync();
        await workers;

        reconciler.MaxConcurrentPerKey.Should().Be(1);
        reconciler.Calls.Keys.Should().BeEquivalentTo(keys);
        reconciler.MaxConcurrentOverall.Should().BeGreaterThan(1, "different keys run in parallel");
    }

    [Fact]
    public async Task Failures_are_retried_after_1s_then_2s_and_success_forgets_the_backoff()
    {
        var time = new FakeTimeProvider();
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        var reconciler = new TrackingReconciler((_, _) =>
        {
            attempts.Enqueue(time.GetUtcNow());
            return attempts.Count switch
            {
                1 => throw new InvalidOperationException("boom"),
                2 => Task.FromResult(ReconcileResult.Error("still broken")),
                _ => Task.FromResult(ReconcileResult.Done),
            };
        });
        using var controller = NewController(reconciler, time, workers: 2);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);
        var start = time.GetUtcNow();

        controller.Queue.Add(A);
        await Eventually.True(() => time.PendingTimers == 1, "the failure arms a backoff timer");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => attempts.Count == 2 && time.PendingTimers == 1, "the second attempt fails and arms a timer");
        time.Advance(TimeSpan.FromSeconds(1.5));
        attempts.Should().HaveCount(2, "the second backoff is 2 s");
        time.Advance(TimeSpan.FromSeconds(0.5));
        await Eventually.True(() => attempts.Count == 3, "the third attempt runs");

        attempts.Select(t => (t - start).TotalSeconds).Should().Equal(0, 1, 3);
        await Eventually.True(() => controller.Queue.RateLimiter.Failures(A) == 0, "success forgets the key");
        await stop.CancelAsync();
        await workers;
    }

    [Fact]
    public async Task RequeueAfter_runs_the_key_again_at_that_time()
    {
        var time = new FakeTimeProvider();
        var reconciler = new TrackingReconciler((_, _) => Task.FromResult(ReconcileResult.RequeueAfter(TimeSpan.FromMinutes(10))));
        using var controller = NewController(reconciler, time, workers: 1);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);

        controller.Queue.Add(A);
        await Eventually.True(() => time.PendingTimers == 1, "the requeue is scheduled");
        time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.True(() => reconciler.Calls[A] == 2, "the key runs again");

        controller.Queue.RateLimiter.Failures(A).Should().Be(0);
        await stop.CancelAsync();
        await workers;
    }

    private static Controller NewController(IReconciler reconciler, TimeProvider time, int workers) =>
        new("test", reconciler, workers, new WorkQueue(time), null, NullLogger.Instance);

    private sealed class TrackingReconciler(Func<ObjectKey, CancellationToken, Task<ReconcileResult>> body) : IReconciler
    {
        private int _overall;
        private int _maxOverall;
        private int _maxPerKey;

        public ConcurrentDictionary<ObjectKey, int> InFlight { get; } = new();

        public ConcurrentDictionary<ObjectKey, int> Calls { get; } = new();

        public int MaxConcurrentPerKey => Volatile.Read(ref _maxPerKey);

        public int MaxConcurrentOverall => Volatile.Read(ref _maxOverall);

        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            var perKey = InFlight.AddOrUpdate(key, 1, (_, v) => v + 1);
            var overall = Interlocked.Increment(ref _overall);
            InterlockedMax(ref _maxPerKey, perKey);
            InterlockedMax(ref _maxOverall, overall);
            Calls.AddOrUpdate(key, 1, (_, v) => v + 1);
            try
            {
                return await body(key, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _overall);
                InFlight.AddOrUpdate(key, 0, (_, v) => v - 1);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
