using CertOperator.Acme.Model;
using CertOperator.Testing;
using NSubstitute;

namespace CertOperator.Acme.Tests.Unit;

public sealed class PollingTests
{
    private static readonly Uri AuthzUrl = new("https://acme.test/authz/1");
    private readonly FakeTimeProvider _time = new();
    private int _calls;

    [Fact]
    public async Task Polling_starts_short_and_backs_off()
    {
        var client = Substitute.For<IAcmeClient>();
        client.GetAuthorizationAsync(AuthzUrl, Arg.Any<CancellationToken>())
            .Returns(_ => Authz(Interlocked.Increment(ref _calls) < 4 ? AcmeStatus.Pending : AcmeStatus.Valid, null));

        var wait = client.WaitForAuthorizationAsync(AuthzUrl, _time, CancellationToken.None);
        await Settled(1);
        _time.Advance(TimeSpan.FromMilliseconds(49));
        _calls.Should().Be(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Settled(2);
        _time.Advance(TimeSpan.FromMilliseconds(79));
        _calls.Should().Be(2, "the second wait is 1.6 × 50 ms = 80 ms");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Settled(3);
        _time.Advance(TimeSpan.FromMilliseconds(128));

        (await wait.WaitAsync(TimeSpan.FromSeconds(5))).Status.Should().Be(AcmeStatus.Valid);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_polling_again()
    {
        var client = Substitute.For<IAcmeClient>();
        client.GetAuthorizationAsync(AuthzUrl, Arg.Any<CancellationToken>()).Returns(_ =>
            Interlocked.Increment(ref _calls) == 1 ? Authz(AcmeStatus.Pending, _time.GetUtcNow().AddSeconds(3)) : Authz(AcmeStatus.Valid, null));

        var wait = client.WaitForAuthorizationAsync(AuthzUrl, _time, CancellationToken.None);
        await Settled(1);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        _calls.Should().Be(1, "the server asked for 3 s");
        _time.Advance(TimeSpan.FromSeconds(0.1));

        (await wait.WaitAsync(TimeSpan.FromSeconds(5))).Status.Should().Be(AcmeStatus.Valid);
        _calls.Should().Be(2);
    }

    [Fact]
    public void Backoff_is_capped() =>
        Enumerable.Range(0, 30).Aggregate(AcmePolling.InitialDelay, (d, _) => AcmePolling.Grow(d)).Should().Be(AcmePolling.MaxDelay);

    [Fact]
    public async Task Orders_are_polled_until_they_leave_processing()
    {
        var client = Substitute.For<IAcmeClient>();
        var orderUrl = new Uri("https://acme.test/order/1");
        client.GetOrderAsync(orderUrl, Arg.Any<CancellationToken>())
            .Returns(_ => Order(Interlocked.Increment(ref _calls) < 3 ? AcmeStatus.Processing : AcmeStatus.Valid));

        var wait = client.WaitForOrderAsync(orderUrl, _time, CancellationToken.None);
        await Settled(1);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        await Settled(2);
        _time.Advance(TimeSpan.FromMilliseconds(80));

        (await wait.WaitAsync(TimeSpan.FromSeconds(5))).Status.Should().Be(AcmeStatus.Valid);
        _calls.Should().Be(3);
    }

    /// <summary>Waits (in real time, briefly) until the poller made <paramref name="calls"/> calls and armed its next timer.</summary>
    private async Task Settled(int calls)
    {
        for (var i = 0; i < 500 && !(Volatile.Read(ref _calls) == calls && _time.PendingTimers == 1); i++)
        {
            await Task.Delay(10);
        }

        _calls.Should().Be(calls);
        _time.PendingTimers.Should().Be(1);
    }

    private static AcmeAuthorization Authz(string status, DateTimeOffset? retryAfter) => new()
    {
        Status = status,
        Identifier = AcmeIdentifier.Dns("a.example.test"),
        Challenges = [],
        RetryAfter = retryAfter,
    };

    private static AcmeOrder Order(string status) => new()
    {
        Status = status,
        Identifiers = [],
        Authorizations = [],
        Finalize = new Uri("https://acme.test/order/1/finalize"),
    };
}
