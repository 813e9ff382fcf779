using CertOperator.Kubernetes.Controllers;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Controllers;

public sealed class WorkQueueTests
{
    private static readonly ObjectKey A = new("ns", "a");
    private static readonly ObjectKey B = new("ns", "b");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Duplicate_adds_merge_into_one_entry()
    {
        using var queue = new WorkQueue(_time);
        queue.Add(A);
        queue.Add(A);
        queue.Add(B);
        queue.Add(A);

        queue.Length.Should().Be(2);
    }

    [Fact]
    public async Task A_key_added_while_processing_waits_until_done_and_then_runs_once()
    {
        using var queue = new WorkQueue(_time);
        queue.Add(A);
        var first = await queue.GetAsync(CancellationToken.None);

        queue.Add(A);
        queue.Add(A);
        queue.Length.Should().Be(0, "a key being processed must not be handed to another worker");

        queue.Done(first!.Value);
        queue.Length.Should().Be(1);
        (await queue.GetAsync(CancellationToken.None)).Should().Be(A);
    }

    [Fact]
    public async Task IsIdle_until_a_key_is_queued_or_processing_and_regardless_of_keys_waiting_on_a_timer()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(B, TimeSpan.FromDays(60));
        queue.IsIdle.Should().BeTrue("a key waiting on a timer is not work yet");

        queue.Add(A);
        queue.IsIdle.Should().BeFalse("a key is queued");
        var key = await queue.GetAsync(CancellationToken.None);
        queue.IsIdle.Should().BeFalse("a key is being processed");
        queue.Done(key!.Value);
        queue.IsIdle.Should().BeTrue();
    }

    [Fact]
    public async Task Keys_come_out_in_insertion_order()
    {
        using var queue = new WorkQueue(_time);
        queue.Add(B);
        queue.Add(A);

        (await queue.GetAsync(CancellationToken.None)).Should().Be(B);
        (await queue.GetAsync(CancellationToken.None)).Should().Be(A);
    }

    [Fact]
    public void AddAfter_fires_exactly_at_the_due_time()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(9.999));
        queue.Length.Should().Be(0);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Length.Should().Be(1);
    }

    [Fact]
    public void AddAfter_keeps_the_earliest_pending_time_for_a_key()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromSeconds(30));
        queue.AddAfter(A, TimeSpan.FromSeconds(5));
        queue.AddAfter(A, TimeSpan.FromSeconds(60));

        _time.PendingTimers.Should().Be(1);
        _time.Advance(TimeSpan.FromSeconds(5));
        queue.Length.Should().Be(1);
        _time.Advance(TimeSpan.FromMinutes(2));
        queue.Length.Should().Be(1, "the later requests were merged into the earlier one");
    }

    [Fact]
    public void Reschedule_replaces_the_pending_time_for_a_key_even_an_earlier_one()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromSeconds(5));
        queue.Reschedule(A, TimeSpan.FromSeconds(30));

        _time.PendingTimers.Should().Be(1);
        _time.Advance(TimeSpan.FromSeconds(29));
        queue.Length.Should().Be(0, "the 5-second wake-up was replaced");
        _time.Advance(TimeSpan.FromSeconds(1));
        queue.Length.Should().Be(1);
        queue.Waiting.Should().Be(0);
    }

    [Fact]
    public async Task ShutDown_releases_waiting_workers_and_drops_timers()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromSeconds(1));
        var waiting = queue.GetAsync(CancellationToken.None);

        queue.ShutDown();

        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeNull();
        _time.PendingTimers.Should().Be(0);
    }

    [Fact]
    public async Task Many_delayed_keys_share_one_timer_and_each_comes_out_at_its_own_time()
    {
        using var queue = new WorkQueue(_time);
        var keys = Enumerable.Range(0, 50).Select(i => new ObjectKey("ns", $"k{i}")).ToList();
        // Scheduled out of order, with replacements that leave stale entries behind: 50 keys, 150 requests.
        foreach (var (key, i) in keys.Select((k, i) => (k, i)).Reverse())
        {
            queue.AddAfter(key, TimeSpan.FromMinutes(1000 + i));
            queue.Reschedule(key, TimeSpan.FromMinutes(500 + i));
            queue.Reschedule(key, TimeSpan.FromMinutes(i + 1));
        }

        _time.PendingTimers.Should().Be(1, "one timer for every waiting key");
        queue.Waiting.Should().Be(50);
        var order = new List<ObjectKey>();
        for (var minute = 1; minute <= 50; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            queue.Length.Should().Be(1, $"exactly one key is due at minute {minute}");
            var key = (await queue.GetAsync(CancellationToken.None))!.Value;
            queue.Done(key);
            order.Add(key);
        }

        order.Should().Equal(keys);
        queue.Waiting.Should().Be(0);
        _time.PendingTimers.Should().Be(0, "nothing waits, so the timer is disarmed");
        _time.Advance(TimeSpan.FromDays(3000));
        queue.Length.Should().Be(0, "the replaced wake-ups never fire");
    }
}
