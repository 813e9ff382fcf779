using CertOperator.Kubernetes.LeaderElection;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Integration;

/// <summary>Default client-go timings (15 s / 10 s / 2 s) driven by a fake clock against the real test server.</summary>
public sealed class LeaderElectionFakeClockTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new();

    private LeaderElector Elector(string ns, string identity) => new(
        fixture.Cluster.Client,
        new LeaderElectionOptions { LeaseName = "fake-clock", LeaseNamespace = ns, Identity = identity, ReleaseOnCancel = false },
        _time);

    [Fact]
    public async Task A_crashed_leader_is_replaced_once_the_15s_lease_expires_on_the_successors_clock()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var a = Elector(ns, "a");
        var b = Elector(ns, "b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var leaders = 0;
        var maxLeaders = 0;
        Func<CancellationToken, Task> Work() => async ct =>
        {
            maxLeaders = Math.Max(maxLeaders, Interlocked.Increment(ref leaders));
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                Interlocked.Decrement(ref leaders);
            }
        };

        var runA = a.RunAsync(Work(), stopA.Token);
        await Eventually.True(() => a.IsLeader && _time.PendingTimers == 1, "a leads and waits to renew");
        var runB = b.RunAsync(Work(), stopB.Token);
        await Eventually.True(() => b.Attempts == 1 && _time.PendingTimers == 2, "b tried once and waits to retry");
        for (var round = 0; round < 10; round++)
        {
            await TickAsync(a, b);
        }

        b.IsLeader.Should().BeFalse("a renewed every 2 s for 20 s");
        await stopA.CancelAsync();
        await runA;
        var crash = _time.GetUtcNow();
        while (!b.IsLeader)
        {
            await TickAsync(b);
            (_time.GetUtcNow() - crash).Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(30), "b must eventually take over");
        }

        var takeover = _time.GetUtcNow() - crash;
        await stopB.CancelAsync();
        await runB;

        takeover.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(14), "b waits until 15 s after it last saw a's renewal");
        takeover.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(15) + Retry + Retry);
        maxLeaders.Should().Be(1);
    }

    [Fact]
    public async Task A_leader_renews_with_one_write_per_period_and_reads_the_lease_again_only_after_someone_else_wrote_it()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var a = Elector(ns, "a");
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), stop.Token);
        await Eventually.True(() => a.IsLeader && _time.PendingTimers == 1, "a leads and waits to renew");
        var before = fixture.Cluster.Server.Requests.Snapshot();

        for (var round = 0; round < 10; round++)
        {
            await TickAsync(a);
        }

        var idle = fixture.Cluster.Server.Requests.Snapshot();
        RequestCounter.Delta(before, idle, "PUT leases 200").Should().Be(10);
        RequestCounter.Delta(before, idle, "GET leases").Should().Be(0, "the leader renews from the lease its last write returned");

        var lease = await fixture.Cluster.Client.GetAsync<Lease>(ns, "fake-clock");
        lease.Metadata.Labels = new Dictionary<string, string>() { ["touched"] = "by-someone-else" };
        await fixture.Cluster.Client.ReplaceAsync(lease);
        await TickAsync(a);
        var after = fixture.Cluster.Server.Requests.Snapshot();
        a.IsLeader.Should().BeTrue();
        RequestCounter.Delta(idle, after, "PUT leases 409").Should().Be(1, "the stale write is refused");
        RequestCounter.Delta(idle, after, "GET leases 200").Should().Be(2, "the test's own read, then the elector re-reads the lease");
        RequestCounter.Delta(idle, after, "PUT leases 200").Should().Be(2, "the test's write, then the renewal");
        await stop.CancelAsync();
        await run;
    }

    /// <summary>Moves the clock one retry period and waits until every elector has finished that round's attempt.</summary>
    private async Task TickAsync(params LeaderElector[] electors)
    {
        var before = electors.Select(e => e.Attempts).ToArray();
        _time.Advance(Retry);
        await Eventually.True(
            () => electors.Select((e, i) => e.Attempts > before[i]).All(done => done) && _time.PendingTimers == electors.Length,
            "each elector completed an attempt and re-armed its timer");
    }
}
