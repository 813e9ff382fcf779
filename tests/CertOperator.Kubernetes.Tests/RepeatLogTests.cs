namespace CertOperator.Kubernetes.Tests;

public sealed class RepeatLogTests
{
    [Fact]
    public void A_failure_repeated_a_thousand_times_is_logged_ten_times_at_powers_of_two()
    {
        var logged = Enumerable.Range(1, 1000).Where(RepeatLog.ShouldLog).ToList();

        logged.Should().Equal(1, 2, 4, 8, 16, 32, 64, 128, 256, 512);
        RepeatLog.ShouldLog(0).Should().BeFalse();
        RepeatLog.ShouldLog(1024).Should().BeTrue();
    }
}
