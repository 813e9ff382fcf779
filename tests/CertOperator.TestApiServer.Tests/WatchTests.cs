using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class WatchTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = fixture.Api;

    private static string Type(JsonNode e) => e["type"]!.GetValue<string>();

    private static string Name(JsonNode e) => e["object"]!["metadata"]!["name"]!.GetValue<string>();

    [Fact]
    public async Task Watch_streams_changes_after_a_resourceVersion_like_sample_28()
    {
        var (_, list) = await _api.GetAsync(ApiClient.WidgetsPath);
        var rv = list!["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{ApiClient.WidgetsPath}?watch=1&resourceVersion={rv}&fieldSelector=metadata.name%3Dw7");

        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("w7"));
        await _api.MergePatchAsync(ApiClient.WidgetsPath + "/w7", JsonNode.Parse("""{"spec":{"size":2}}""")!);
        await _api.DeleteAsync(ApiClient.WidgetsPath + "/w7");

        var events = new[] { await watch.NextChangeAsync(), await watch.NextChangeAsync(), await watch.NextChangeAsync() };
        events.Select(e => Type(e!)).Should().Equal("ADDED", "MODIFIED", "DELETED");
        events.Select(e => long.Parse(Gen.Rv(e!["object"]!), System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
        events[1]!["object"]!["spec"]!["size"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Watch_resumes_from_a_resourceVersion_and_replays_missed_events()
    {
        var first = await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("resume-1"));
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("resume-2"));
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("resume-3"));

        await using var watch = await WatchReader.OpenAsync(_api.Http, $"/apis/demo.example.com/v1/widgets?watch=true&resourceVersion={Gen.Rv(first)}&labelSelector=");
        var replayed = new[] { await watch.NextChangeAsync(), await watch.NextChangeAsync() };
        replayed.Select(e => Name(e!)).Should().Equal("resume-2", "resume-3");
    }

    [Fact]
    public async Task Watch_from_zero_sends_synthetic_ADDED_for_current_state()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("zero", labels: new JsonObject { ["watch"] = "zero" }));
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{ApiClient.WidgetsPath}?watch=1&resourceVersion=0&labelSelector=watch%3Dzero");
        var e = await watch.NextChangeAsync();
        Type(e!).Should().Be("ADDED");
        Name(e!).Should().Be("zero");
    }

    [Fact]
    public async Task Bookmarks_carry_only_the_resourceVersion()
    {
        var (_, list) = await _api.GetAsync(ApiClient.WidgetsPath);
        var rv = list!["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{ApiClient.WidgetsPath}?watch=1&resourceVersion={rv}&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dnever");
        var bookmark = await watch.NextAsync();
        Type(bookmark!).Should().Be("BOOKMARK");
        var obj = bookmark!["object"]!.AsObject();
        obj.Select(p => p.Key).Should().Equal("apiVersion", "kind", "metadata");
        obj["kind"]!.GetValue<string>().Should().Be("Widget");
        obj["metadata"]!.AsObject().Select(p => p.Key).Should().Equal("resourceVersion");
        long.Parse(Gen.Rv(obj), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(long.Parse(rv, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TimeoutSeconds_ends_the_stream_cleanly()
    {
        var started = DateTime.UtcNow;
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{ApiClient.WidgetsPath}?watch=1&resourceVersion=0&timeoutSeconds=1&fieldSelector=metadata.name%3Dnone");
        watch.Status.Should().Be(HttpStatusCode.OK);
        (await watch.NextAsync()).Should().BeNull();
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Label_change_turns_into_ADDED_and_DELETED_for_a_selector_watch()
    {
        await _api.CreateAsync(ApiClient.WidgetsPath, Gen.Widget("relabel"));
        var (_, list) = await _api.GetAsync(ApiClient.WidgetsPath);
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{ApiClient.WidgetsPath}?watch=1&resourceVersion={list!["metadata"]!["resourceVersion"]}&labelSelector=stage%3Dlive");
        await _api.MergePatchAsync(ApiClient.WidgetsPath + "/relabel", JsonNode.Parse("""{"metadata":{"labels":{"stage":"live"}}}""")!);
        await _api.MergePatchAsync(ApiClient.WidgetsPath + "/relabel", JsonNode.Parse("""{"metadata":{"labels":{"stage":"old"}}}""")!);
        Type((await watch.NextChangeAsync())!).Should().Be("ADDED");
        Type((await watch.NextChangeAsync())!).Should().Be("DELETED");
    }

    [Fact]
    public async Task Metadata_watch_sends_PartialObjectMetadata()
    {
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{ApiClient.SecretsPath}?watch=1&fieldSelector=metadata.name%3Dmeta-watch", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1");
        await _api.CreateAsync(ApiClient.SecretsPath, Gen.Secret("meta-watch"));
        var e = await watch.NextChangeAsync();
        e!["object"]!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
        e["object"]!.AsObject().ContainsKey("data").Should().BeFalse();
    }
}

public sealed class WatchExpiryTests(SmallHistoryServerFixture fixture) : IClassFixture<SmallHistoryServerFixture>
{
    [Fact]
    public async Task Too_old_resourceVersion_gets_an_ERROR_event_with_410_Expired_like_sample_29()
    {
        var api = fixture.Api;
        for (var i = 0; i < 10; i++)
        {
            await api.CreateAsync(ApiClient.SecretsPath, Gen.Secret($"churn-{i}"));
        }

        await using var watch = await WatchReader.OpenAsync(api.Http, $"{ApiClient.SecretsPath}?watch=1&resourceVersion=1");
        watch.Status.Should().Be(HttpStatusCode.OK);
        var error = await watch.NextAsync();
        error!["type"]!.GetValue<string>().Should().Be("ERROR");
        error["object"]!["kind"]!.GetValue<string>().Should().Be("Status");
        error["object"]!["reason"]!.GetValue<string>().Should().Be("Expired");
        error["object"]!["code"]!.GetValue<int>().Should().Be(410);
        error["object"]!["message"]!.GetValue<string>().Should().StartWith("too old resource version: 1 (");
        (await watch.NextAsync()).Should().BeNull();
    }
}
