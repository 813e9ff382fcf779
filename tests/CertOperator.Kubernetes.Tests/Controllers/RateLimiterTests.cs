using CertOperator.Kubernetes.Controllers;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Controllers;

public sealed class RateLimiterTests
{
    private static readonly ObjectKey Key = new("ns", "a");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Per_key_backoff_doubles_from_one_second_and_caps_at_five_minutes()
    {
        var limiter = new RateLimiter(_time, qps: 1000, burst: 1000);

        var delays = Enumerable.Range(0, 12).Select(_ => limiter.When(Key).TotalSeconds).ToList();

        delays.Should().Equal(1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300);
    }

    [Fact]
    public void Forget_resets_the_backoff_of_that_key_only()
    {
        var limiter = new RateLimiter(_time, qps: 1000, burst: 1000);
        var other = new ObjectKey("ns", "b");
        limiter.When(Key);
        limiter.When(Key);
        limiter.When(other);

        limiter.Forget(Key);

        limiter.When(Key).Should().Be(TimeSpan.FromSeconds(1));
        limiter.When(other).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_global_bucket_spreads_out_many_distinct_failing_keys()
    {
        var limiter = new RateLimiter(_time, baseDelay: TimeSpan.FromMilliseconds(1), qps: 2, burst: 2);

        var delays = Enumerable.Range(0, 5).Select(i => limiter.When(new ObjectKey("ns", $"k{i}"))).ToList();

        delays.Should().Equal(
            TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
    }
}
