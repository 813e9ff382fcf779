using System.Diagnostics;
using CertOperator.Kubernetes.LeaderElection;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class LeaderElectionTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(200);
    private readonly LeadershipLog _log = new();

    private LeaderElector Elector(string ns, string identity, bool release = true) => new(fixture.Cluster.Client, new LeaderElectionOptions
    {
        LeaseName = "operator",
        LeaseNamespace = ns,
        Identity = identity,
        LeaseDuration = LeaseDuration,
        RenewDeadline = TimeSpan.FromSeconds(1.5),
        RetryPeriod = RetryPeriod,
        ReleaseOnCancel = release,
    });

    [Fact]
    public async Task A_crashed_leader_is_replaced_within_one_lease_duration_and_never_by_two_at_once()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var a = Elector(ns, "a", release: false);
        var b = Elector(ns, "b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.RunAsync(_log.Work("a"), stopA.Token);
        await Eventually.True(() => a.IsLeader, "a leads");
        var runB = b.RunAsync(_log.Work("b"), stopB.Token);
        await Task.Delay(LeaseDuration + LeaseDuration);
        b.IsLeader.Should().BeFalse("a keeps renewing");

        await stopA.CancelAsync();
        await runA;
        var crash = Stopwatch.StartNew();
        await Eventually.True(() => b.IsLeader, "b takes over");
        var takeover = crash.Elapsed;
        await stopB.CancelAsync();
        await runB;

        takeover.Should().BeGreaterThan(LeaseDuration - RetryPeriod - RetryPeriod, "b must wait for the lease to expire");
        // Wall-clock bound: on a loaded 2-core CI box a retry can run up to a second late (2.87 s seen against 2.6 s);
        // the exact timing is asserted on a fake clock (LeaderElectionFakeClockTests).
        takeover.Should().BeLessThan(LeaseDuration + RetryPeriod + TimeSpan.FromSeconds(1));
        _log.MaxConcurrentLeaders.Should().Be(1);
        _log.Starts.Should().Equal("a", "b");
    }

    [Fact]
    public async Task A_clean_shutdown_releases_the_lease_so_the_successor_starts_at_once()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var a = Elector(ns, "a");
        var b = Elector(ns, "b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.RunAsync(_log.Work("a"), stopA.Token);
        await Eventually.True(() => a.IsLeader, "a leads");
        var runB = b.RunAsync(_log.Work("b"), stopB.Token);
        await Task.Delay(LeaseDuration);

        await stopA.CancelAsync();
        await runA;
        var released = Stopwatch.StartNew();
        await Eventually.True(() => b.IsLeader, "b takes over");
        var takeover = released.Elapsed;
        var lease = await fixture.Cluster.Client.GetAsync<Lease>(ns, "operator");
        await stopB.CancelAsync();
        await runB;
        var afterB = await fixture.Cluster.Client.GetAsync<Lease>(ns, "operator");

        takeover.Should().BeLessThan(LeaseDuration / 2, "a released the lease");
        lease.Spec.Should().BeEquivalentTo(new { HolderIdentity = "b", LeaseDurationSeconds = 2, LeaseTransitions = 1 }, "the lease changed hands once, from a to b");
        lease.Spec.AcquireTime.Should().NotBeNull();
        lease.Spec.RenewTime.Should().BeOnOrAfter(lease.Spec.AcquireTime!.Value);
        afterB.Spec.HolderIdentity.Should().BeNull("b released it too");
        _log.MaxConcurrentLeaders.Should().Be(1);
    }

    [Fact]
    public async Task Losing_the_lease_stops_the_work_and_the_elector_campaigns_again()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var a = Elector(ns, "a");
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync(_log.Work("a"), stop.Token);
        await Eventually.True(() => a.IsLeader, "a leads");

        var lease = await fixture.Cluster.Client.GetAsync<Lease>(ns, "operator");
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        await fixture.Cluster.Client.ReplaceAsync(lease);
        var stolen = Stopwatch.StartNew();
        await Eventually.True(() => !a.IsLeader && _log.Stops == 1, "a notices and stops its work");
        var noticed = stolen.Elapsed;
        await Eventually.True(() => a.IsLeader, "a reacquires once the intruder's lease expires");
        var reacquired = stolen.Elapsed;
        await stop.CancelAsync();
        await run;

        noticed.Should().BeLessThan(RetryPeriod * 3);
        reacquired.Should().BeGreaterThan(LeaseDuration - RetryPeriod);
    }

    /// <summary>Records who leads when, and the most leaders ever running at once.</summary>
    private sealed class LeadershipLog
    {
        private readonly Lock _gate = new();
        private int _current;

        public List<string> Starts { get; } = [];

        public int Stops { get; private set; }

        public int MaxConcurrentLeaders { get; private set; }

        public Func<CancellationToken, Task> Work(string identity) => async ct =>
        {
            lock (_gate)
            {
                Starts.Add(identity);
                MaxConcurrentLeaders = Math.Max(MaxConcurrentLeaders, ++_current);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                lock (_gate)
                {
                    _current--;
                    Stops++;
                }
            }
        };
    }
}
