using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class ScaleTests
{
    private const int SecretCount = 10_000;
    private const int WidgetCount = 1_000;
    private const int Watchers = 4;

    [Fact]
    public async Task Holds_ten_thousand_secrets_and_a_thousand_widgets_while_fanning_out_to_watchers()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = ServerFixture.TestDataDirectory, WatchHistoryWindow = 20_000 });
        using var api = new ApiClient(server.CreateHttpClient());
        var (_, before) = await api.GetAsync(ApiClient.SecretsPath);
        var startRv = before!["metadata"]!["resourceVersion"]!.GetValue<string>();
        var watchers = new List<WatchReader>();
        for (var i = 0; i < Watchers; i++)
        {
            watchers.Add(await WatchReader.OpenAsync(api.Http, $"{ApiClient.SecretsPath}?watch=1&resourceVersion={startRv}"));
        }

        var clock = Stopwatch.StartNew();
        var counted = watchers.Select(CountAddedAsync).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, SecretCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            (await api.PostAsync(ApiClient.SecretsPath, Gen.Secret($"s-{i:D5}", labels: new JsonObject { ["shard"] = (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) }))).Status.Should().Be(HttpStatusCode.Created));
        await Parallel.ForEachAsync(Enumerable.Range(0, WidgetCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            (await api.PostAsync(ApiClient.WidgetsPath, Gen.Widget($"w-{i:D4}", size: i % 10 + 1))).Status.Should().Be(HttpStatusCode.Created));

        (await Task.WhenAll(counted)).Should().AllSatisfy(n => n.Should().Be(SecretCount));

        var paged = 0;
        string? token = null;
        do
        {
            var (_, page) = await api.GetAsync($"{ApiClient.SecretsPath}?limit=500" + (token is null ? "" : $"&continue={Uri.EscapeDataString(token)}"));
            paged += page!["items"]!.AsArray().Count;
            token = page["metadata"]!["continue"]?.GetValue<string>();
        }
        while (token is not null);

        paged.Should().Be(SecretCount);
        var (_, metadataOnly) = await api.GetAsync(ApiClient.SecretsPath + "?labelSelector=shard%3D3", ApiClient.MetadataListAccept);
        metadataOnly!["items"]!.AsArray().Count.Should().Be(SecretCount / 10);
        var (_, table) = await api.GetAsync(ApiClient.WidgetsPath, ApiClient.TableAccept);
        table!["rows"]!.AsArray().Count.Should().Be(WidgetCount);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));

        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }
    }

    private static async Task<int> CountAddedAsync(WatchReader watcher)
    {
        var added = 0;
        while (added < SecretCount && await watcher.NextAsync(TimeSpan.FromSeconds(30)) is { } e)
        {
            added += e["type"]!.GetValue<string>() == "ADDED" ? 1 : 0;
        }

        return added;
    }
}
