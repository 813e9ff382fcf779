using System.Diagnostics;
using System.Net;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;
using CertOperator.TestApiServer;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class WatchAndRetryTests
{
    [Fact]
    public async Task Watch_streams_added_modified_and_deleted_from_a_list_resource_version()
    {
        await using var cluster = await TestCluster.StartAsync();
        var client = cluster.Client;
        var ns = await cluster.NewNamespaceAsync();
        var list = await client.ListAllAsync<ConfigMap>(ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<(WatchEventType, string?)>();

        var watching = Task.Run(async () =>
        {
            await foreach (var change in client.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, cts.Token))
            {
                if (change.Type != WatchEventType.Bookmark)
                {
                    events.Add((change.Type, change.Item.Data?.GetOrDefault("key")));
                }

                if (change.Type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });
        var created = await client.CreateAsync(Gen.ConfigMap("a", ns));
        created.Data!["key"] = "v2";
        await client.ReplaceAsync(created);
        await client.DeleteAsync<ConfigMap>(ns, "a");
        await watching;

        events.Should().Equal((WatchEventType.Added, "value"), (WatchEventType.Modified, "v2"), (WatchEventType.Deleted, "v2"));
    }

    [Fact]
    public async Task Watching_from_a_compacted_resource_version_raises_WatchExpiredException()
    {
        await using var cluster = await TestCluster.StartAsync(new KubeApiServerOptions { WatchHistoryWindow = 5 });
        var ns = await cluster.NewNamespaceAsync();
        var old = (await cluster.Client.ListAllAsync<ConfigMap>(ns)).Metadata.ResourceVersion;
        for (var i = 0; i < 10; i++)
        {
            await cluster.Client.CreateAsync(Gen.ConfigMap($"cm{i}", ns));
        }

        var act = async () =>
        {
            await foreach (var change in cluster.Client.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = old }))
            {
                change.Type.Should().Be(WatchEventType.Bookmark, "no object event may precede the expiry");
            }
        };

        (await act.Should().ThrowAsync<WatchExpiredException>()).Which.IsExpired.Should().BeTrue();
    }

    [Fact]
    public async Task Idle_watches_receive_bookmarks_that_advance_the_resource_version()
    {
        await using var cluster = await TestCluster.StartAsync(new KubeApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        var ns = await cluster.NewNamespaceAsync();
        var start = (await cluster.Client.ListAllAsync<ConfigMap>(ns)).Metadata.ResourceVersion;
        await cluster.Client.CreateAsync(Gen.ConfigMap("elsewhere", "default"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        WatchEvent<ConfigMap>? bookmark = null;
        await foreach (var change in cluster.Client.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = start }, cts.Token))
        {
            bookmark = change;
            break;
        }

        bookmark!.Type.Should().Be(WatchEventType.Bookmark);
        long.Parse(bookmark.Item.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThan(long.Parse(start!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Too_many_requests_with_Retry_After_is_waited_out_and_retried()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(Gen.ConfigMap("a", ns));
        cluster.Server.Faults.FailNextRequests(2, 429, TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var got = await cluster.Client.GetAsync<ConfigMap>(ns, "a");

        got.Metadata.Name.Should().Be("a");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9), "two Retry-After: 1 answers were honoured");
    }

    [Fact]
    public async Task Retries_are_bounded_and_5xx_without_Retry_After_fails_at_once()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.CreateClient(new KubernetesClientOptions { MaxRetries = 2, Qps = 1000, Burst = 1000 });
        var ns = await cluster.NewNamespaceAsync();

        cluster.Server.Faults.FailNextRequests(5, 429, TimeSpan.FromMilliseconds(100));
        var throttled = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<ConfigMap>(ns));
        cluster.Server.Faults.FailNextRequests(1, 503, null);
        var unavailable = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<ConfigMap>(ns));
        var next = await client.ListAsync<ConfigMap>(ns);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Status.Reason.Should().Be("TooManyRequests");
        unavailable.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        next.Items.Should().BeEmpty("the 503 was answered once, without a retry, and then the server was healthy");
    }

    [Fact]
    public async Task The_client_side_rate_limit_spaces_requests_beyond_the_burst()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = cluster.CreateClient(new KubernetesClientOptions { Qps = 10, Burst = 2 });

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 7; i++)
        {
            await client.TryGetAsync<ConfigMap>("default", "none");
        }

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.45), "5 requests beyond a burst of 2 at 10 QPS wait ~0.5 s");
    }
}
