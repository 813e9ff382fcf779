using System.Net;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests;

public sealed class ListTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const string Ns = "lists";
    private const string Widgets = "/apis/demo.example.com/v1/namespaces/lists/widgets";
    private const string Secrets = "/api/v1/namespaces/lists/secrets";
    private readonly ApiClient _api = fixture.Api;

    public async Task InitializeAsync()
    {
        if ((await _api.GetAsync("/api/v1/namespaces/" + Ns)).Status == HttpStatusCode.OK)
        {
            return;
        }

        await _api.CreateAsync("/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = Ns } });
        foreach (var (name, team, tier) in new[] { ("a", "web", "1"), ("b", "web", "2"), ("c", "db", "1"), ("d", "ops", "3"), ("e", "", "") })
        {
            var labels = new JsonObject();
            if (team.Length > 0)
            {
                labels["team"] = team;
                labels["tier"] = tier;
            }

            await _api.CreateAsync(Widgets, Gen.Widget(name, labels: labels));
        }

        await _api.CreateAsync(Secrets, Gen.Secret("tls-1", type: "kubernetes.io/tls", labels: new JsonObject { ["a"] = "b" }));
        await _api.CreateAsync(Secrets, Gen.Secret("opaque-1"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pagination_walks_all_items_with_continue_tokens()
    {
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (_, page) = await _api.GetAsync($"{Widgets}?limit=2" + (token is null ? "" : $"&continue={Uri.EscapeDataString(token)}"));
            names.AddRange(page!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
            token = page["metadata"]!["continue"]?.GetValue<string>();
            if (token is not null)
            {
                page["metadata"]!["remainingItemCount"]!.GetValue<long>().Should().BeGreaterThan(0);
            }

            pages++;
        }
        while (token is not null);

        names.Should().Equal("a", "b", "c", "d", "e");
        pages.Should().Be(3);
    }

    [Fact]
    public async Task A_list_at_resourceVersion_0_ignores_limit_as_kube_apiservers_watch_cache_does()
    {
        // Checked on kube-apiserver 1.24: ?limit=1&resourceVersion=0 returns every item and no continue token.
        var (_, list) = await _api.GetAsync($"{Widgets}?limit=2&resourceVersion=0");

        list!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("a", "b", "c", "d", "e");
        list["metadata"]!["continue"].Should().BeNull();
        list["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Metadata_only_list_returns_PartialObjectMetadataList_without_data()
    {
        var (_, list) = await _api.GetAsync(Secrets + "?limit=1", ApiClient.MetadataListAccept);
        list!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadataList");
        list["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1");
        var item = list["items"]![0]!.AsObject();
        item["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
        item.ContainsKey("data").Should().BeFalse();
        item["metadata"]!["name"].Should().NotBeNull();
        list["metadata"]!["continue"].Should().NotBeNull();
    }

    [Theory]
    [InlineData("team=web", new[] { "a", "b" })]
    [InlineData("team==web", new[] { "a", "b" })]
    [InlineData("team!=web", new[] { "c", "d", "e" })]
    [InlineData("team in (db,ops)", new[] { "c", "d" })]
    [InlineData("team notin (web)", new[] { "c", "d", "e" })]
    [InlineData("team", new[] { "a", "b", "c", "d" })]
    [InlineData("!team", new[] { "e" })]
    [InlineData("team=web,tier=2", new[] { "b" })]
    public async Task Label_selectors_filter_lists(string selector, string[] expected)
    {
        var (_, list) = await _api.GetAsync($"{Widgets}?labelSelector={Uri.EscapeDataString(selector)}");
        list!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().Equal(expected);
    }

    [Theory]
    [InlineData(Widgets, "metadata.name=c", new[] { "c" })]
    [InlineData(Widgets, "metadata.name!=c", new[] { "a", "b", "d", "e" })]
    [InlineData("/apis/demo.example.com/v1/widgets", "metadata.namespace=lists,metadata.name=a", new[] { "a" })]
    [InlineData(Secrets, "type=kubernetes.io/tls", new[] { "tls-1" })]
    public async Task Field_selectors_filter_lists(string path, string selector, string[] expected)
    {
        var (_, list) = await _api.GetAsync($"{path}?fieldSelector={Uri.EscapeDataString(selector)}");
        list!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().Equal(expected);
    }

    [Fact]
    public async Task Unknown_field_selector_is_400()
    {
        (await _api.GetAsync($"{Widgets}?fieldSelector=spec.size%3D1")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Table_lists_use_printer_columns_like_sample_05()
    {
        await _api.MergePatchAsync(Widgets + "/a/status", JsonNode.Parse("""{"status":{"conditions":[{"type":"Other","status":"False"},{"type":"Ready","status":"True"}],"notAfter":"2030-01-01T00:00:00Z"}}""")!);
        var (_, table) = await _api.GetAsync(Widgets + "?limit=500", ApiClient.TableAccept);
        table!["kind"]!.GetValue<string>().Should().Be("Table");
        table["columnDefinitions"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["priority"]!.GetValue<int>()))
            .Should().Equal(("Name", 0), ("Ready", 0), ("Size", 0), ("Note", 1), ("Expires", 0), ("Age", 0));
        var row = table["rows"]![0]!;
        var cells = row["cells"]!.AsArray();
        cells[0]!.GetValue<string>().Should().Be("a");
        cells[1]!.GetValue<string>().Should().Be("True");
        cells[2]!.GetValue<int>().Should().Be(1);
        cells[3].Should().BeNull();
        cells[4]!.GetValue<string>().Should().Be("2030-01-01T00:00:00Z");
        cells[5]!.GetValue<string>().Should().MatchRegex("^[0-9]+s$");
        row["object"]!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
    }

    [Fact]
    public async Task Secret_table_has_type_and_data_columns()
    {
        var (_, table) = await _api.GetAsync(Secrets, ApiClient.TableAccept);
        table!["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("Name", "Type", "Data", "Age");
        table["rows"]!.AsArray().Should().Contain(r => r!["cells"]![1]!.GetValue<string>() == "kubernetes.io/tls" && r["cells"]![2]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task Get_as_PartialObjectMetadata_returns_metadata_only()
    {
        var (_, partial) = await _api.GetAsync(Secrets + "/tls-1", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json");
        partial!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
        partial.AsObject().Select(p => p.Key).Should().Equal("kind", "apiVersion", "metadata");
        partial["metadata"]!["labels"]!["a"]!.GetValue<string>().Should().Be("b");
    }

    [Fact]
    public async Task Table_watch_sends_column_definitions_once_then_rows()
    {
        var (_, list) = await _api.GetAsync(Widgets);
        await using var watch = await WatchReader.OpenAsync(_api.Http, $"{Widgets}?watch=1&resourceVersion={list!["metadata"]!["resourceVersion"]}", ApiClient.TableAccept);
        await _api.MergePatchAsync(Widgets + "/d", JsonNode.Parse("""{"spec":{"size":7}}""")!);
        await _api.MergePatchAsync(Widgets + "/d", JsonNode.Parse("""{"spec":{"size":8}}""")!);
        var first = (await watch.NextChangeAsync())!["object"]!;
        var second = (await watch.NextChangeAsync())!["object"]!;
        first["kind"]!.GetValue<string>().Should().Be("Table");
        first["columnDefinitions"]!.AsArray().Should().HaveCount(6);
        first["rows"]![0]!["cells"]![2]!.GetValue<int>().Should().Be(7);
        second.AsObject().ContainsKey("columnDefinitions").Should().BeFalse();
        second["rows"]![0]!["cells"]![2]!.GetValue<int>().Should().Be(8);
    }
}
