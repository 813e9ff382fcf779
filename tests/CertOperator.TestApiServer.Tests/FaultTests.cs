using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

/// <summary>Each test starts its own server: faults and restarts must not leak into other tests.</summary>
public sealed class FaultTests
{
    private static Task<KubeApiServer> StartAsync() =>
        KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = ServerFixture.TestDataDirectory });

    [Fact]
    public async Task FailNextRequests_returns_429_with_Retry_After_then_recovers()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();
        server.Faults.FailNextRequests(2, 429, TimeSpan.FromSeconds(3));

        for (var i = 0; i < 2; i++)
        {
            using var failed = await http.GetAsync(new Uri(ApiClient.SecretsPath, UriKind.Relative));
            failed.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            failed.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
            var status = JsonNode.Parse(await failed.Content.ReadAsStringAsync())!;
            status["reason"]!.GetValue<string>().Should().Be("TooManyRequests");
            status["details"]!["retryAfterSeconds"]!.GetValue<int>().Should().Be(3);
        }

        using var ok = await http.GetAsync(new Uri(ApiClient.SecretsPath, UriKind.Relative));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResponseDelay_slows_every_response()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();
        server.Faults.ResponseDelay = TimeSpan.FromMilliseconds(300);
        var started = DateTime.UtcNow;
        using var response = await http.GetAsync(new Uri("/version", UriKind.Relative));
        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task DropAllWatches_ends_open_streams()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();
        await using var watch = await WatchReader.OpenAsync(http, ApiClient.SecretsPath + "?watch=1&resourceVersion=0&fieldSelector=metadata.name%3Dnone");
        server.Faults.DropAllWatches();
        (await watch.NextAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Restart_keeping_storage_serves_the_same_objects_and_resourceVersions_on_the_same_port()
    {
        await using var server = await StartAsync();
        using var api = new ApiClient(server.CreateHttpClient());
        var created = await api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("survivor"));
        await using var watch = await WatchReader.OpenAsync(api.Http, ApiClient.WidgetsPath + "?watch=1&resourceVersion=0&fieldSelector=metadata.name%3Dnone");
        var address = server.BaseAddress;

        await server.RestartAsync(keepStorage: true, CancellationToken.None);

        (await watch.NextAsync()).Should().BeNull();
        server.BaseAddress.Should().Be(address);
        using var fresh = new ApiClient(server.CreateHttpClient());
        var (status, survivor) = await fresh.GetAsync(ApiClient.WidgetsPath + "/survivor");
        status.Should().Be(HttpStatusCode.OK);
        Gen.Rv(survivor!).Should().Be(Gen.Rv(created));
        var next = await fresh.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("after-restart"));
        long.Parse(Gen.Rv(next), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(long.Parse(Gen.Rv(created), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Restart_without_storage_starts_empty_but_keeps_CRDs_from_the_directory()
    {
        await using var server = await StartAsync();
        using var api = new ApiClient(server.CreateHttpClient());
        await api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("gone"));

        await server.RestartAsync(keepStorage: false, CancellationToken.None);

        using var fresh = new ApiClient(server.CreateHttpClient());
        (await fresh.GetAsync(ApiClient.WidgetsPath + "/gone")).Status.Should().Be(HttpStatusCode.NotFound);
        (await fresh.GetAsync("/api/v1/namespaces/kube-system")).Status.Should().Be(HttpStatusCode.OK);
        await using var resumed = await WatchReader.OpenAsync(fresh.Http, ApiClient.WidgetsPath + "?watch=1&resourceVersion=1000000");
        (await resumed.NextAsync())!["object"]!["code"]!.GetValue<int>().Should().Be(410, "a resourceVersion from before the reset makes clients relist");
    }
}
