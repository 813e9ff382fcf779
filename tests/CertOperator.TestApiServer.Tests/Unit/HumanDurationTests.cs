using CertOperator.TestApiServer.Tables;

namespace CertOperator.TestApiServer.Tests.Unit;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-5, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(6, "6s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(300, "5m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 600, "3h10m")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(2 * 86400, "2d")]
    [InlineData(3 * 86400 + 5 * 3600, "3d5h")]
    [InlineData(30 * 86400, "30d")]
    [InlineData(800 * 86400, "2y70d")]
    public void Formats_like_kubectl_ages(int seconds, string expected) =>
        HumanDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
}
