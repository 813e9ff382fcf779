using CertOperator.Kubernetes.LeaderElection;
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
