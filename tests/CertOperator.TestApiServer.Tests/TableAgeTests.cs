using CertOperator.Testing;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

/// <summary>Ages in tables and timestamps come from the configured clock, so tests need not sleep.</summary>
public sealed class TableAgeTests
{
    [Theory]
    [InlineData(45, "45s")]
    [InlineData(5 * 60, "5m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(2 * 86400, "2d")]
    public async Task Age_column_follows_the_server_clock(int seconds, string age)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = ServerFixture.TestDataDirectory, Clock = clock });
        using var api = new ApiClient(server.CreateHttpClient());
        var created = await api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("aged"));
        created["metadata"]!["creationTimestamp"]!.GetValue<string>().Should().Be("2026-11-22T02:00:00Z");

        clock.Advance(TimeSpan.FromSeconds(seconds));

        var (_, table) = await api.GetAsync(ApiClient.WidgetsPath, ApiClient.TableAccept);
        table!["rows"]![0]!["cells"]![5]!.GetValue<string>().Should().Be(age);
    }
}
