using CertOperator.Certificates.Policies;

namespace CertOperator.Tests.Certificates.Policies;

public sealed class FailureBackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 32)]
    [InlineData(100, 32)]
    public void Delay_doubles_from_one_hour_to_32_hours(int failures, int expectedHours) =>
        FailureBackoff.Delay(failures).Should().Be(TimeSpan.FromHours(expectedHours));

    [Fact]
    public void Next_attempt_counts_from_the_last_failure()
    {
        var last = Gen.Now;
        FailureBackoff.NextAttemptAt(last, 3).Should().Be(last.AddHours(4));
        FailureBackoff.NextAttemptAt(null, 3).Should().BeNull();
    }
}
