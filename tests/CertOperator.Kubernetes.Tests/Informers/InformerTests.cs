using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Tests.Informers;

/// <summary>The informer's list/watch/relist state machine against a scripted source.</summary>
public sealed class InformerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ConcurrentQueue<string> _seen = new();
    private readonly ConcurrentQueue<string?> _watchedFrom = new();
    private readonly ConcurrentQueue<string?> _listedAt = new();

    private static ConfigMap Cm(string name, string rv) => new() { Metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = rv } };

    private static WatchEvent<ConfigMap> Event(WatchEventType type, string name, string rv) => new(type, Cm(name, rv));

    private static KubernetesList<ConfigMap> List(string rv, params ConfigMap[] items) => new() { Metadata = new k8s.Models.V1ListMeta { ResourceVersion = rv }, Items = [.. items] };

    private Informer<ConfigMap> NewInformer(Queue<KubernetesList<ConfigMap>> lists, Queue<(WatchEvent<ConfigMap>[] Events, Exception? End)> watches)
    {
        var source = new ListWatch<ConfigMap>(
            "configmaps",
            (rv, _) =>
            {
                _listedAt.Enqueue(rv);
                return Task.FromResult(lists.Dequeue());
            },
            (rv, ct) =>
            {
                _watchedFrom.Enqueue(rv);
                return watches.TryDequeue(out var next) ? Script(next.Events, next.End, ct) : Forever(ct);
            });
        var informer = new Informer<ConfigMap>(source, _time, NullLogger.Instance);
        informer.AddEventHandler(new InformerHandler<ConfigMap>
        {
            OnAdd = c => _seen.Enqueue($"add {c.Metadata.Name}@{c.Metadata.ResourceVersion}"),
            OnUpdate = (_, c) => _seen.Enqueue($"update {c.Metadata.Name}@{c.Metadata.ResourceVersion}"),
            OnDelete = c => _seen.Enqueue($"delete {c.Metadata.Name}"),
        });
        return informer;
    }

    [Fact]
    public async Task A_410_relists_and_objects_missing_from_the_new_list_are_deleted()
    {
        var informer = NewInformer(
            new([List("10", Cm("a", "1"), Cm("b", "2")), List("20", Cm("a", "11"))]),
            new([([Event(WatchEventType.Modified, "a", "11")], new WatchExpiredException())]));
        using var stop = new CancellationTokenSource();

        var run = informer.RunAsync(stop.Token);
        await Eventually.True(() => _watchedFrom.Count == 2, "the informer watches again after the relist");
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();

        _seen.Should().Equal("add a@1", "add b@2", "update a@11", "delete b");
        _watchedFrom.Should().Equal("10", "20");
        _listedAt.Should().Equal(["0", null], "the first list takes any version (the watch cache's), the relist after 410 the latest");
        informer.ListCount.Should().Be(2);
        informer.Store.List().Should().ContainSingle().Which.Metadata.ResourceVersion.Should().Be("11");
    }

    [Fact]
    public async Task A_broken_stream_rewatches_from_the_last_seen_version_after_a_backoff_without_relisting()
    {
        var informer = NewInformer(
            new([List("10")]),
            new([
                ([Event(WatchEventType.Added, "a", "11"), Event(WatchEventType.Bookmark, "", "15")], new IOException("connection reset")),
                ([Event(WatchEventType.Deleted, "a", "16")], new HttpRequestException("refused")),
            ]));
        using var stop = new CancellationTokenSource();

        var run = informer.RunAsync(stop.Token);
        await Eventually.True(() => _time.PendingTimers == 1, "the first failure arms a backoff");
        _watchedFrom.Should().Equal("10");
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.True(() => _watchedFrom.Count == 2 && _time.PendingTimers == 1, "the second failure backs off again");
        _time.Advance(TimeSpan.FromMilliseconds(999));
        _watchedFrom.Should().HaveCount(2, "the backoff doubled to 1 s");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.True(() => _watchedFrom.Count == 3, "the third watch starts");
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();

        _watchedFrom.Should().Equal("10", "15", "16");
        _seen.Should().Equal("add a@11", "delete a");
        informer.ListCount.Should().Be(1);
        informer.HasSynced.Should().BeTrue();
    }

    [Fact]
    public async Task Handlers_added_late_receive_the_cached_objects_as_adds()
    {
        var informer = NewInformer(new([List("10", Cm("a", "1"))]), new());
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None);
        var late = new List<string>();

        informer.AddEventHandler(new InformerHandler<ConfigMap> { OnAdd = c => late.Add(c.Metadata.Name!) });
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();

        late.Should().Equal("a");
    }

    [Fact]
    public async Task Any_list_failure_is_retried_with_backoff_reported_while_it_lasts_and_cleared_on_success()
    {
        var attempts = 0;
        var source = new ListWatch<ConfigMap>(
            "configmaps",
            (_, _) => ++attempts < 3 ? throw new InvalidOperationException("a bug in decoding") : Task.FromResult(List("10", Cm("a", "1"))),
            (_, ct) => Forever(ct));
        var informer = new Informer<ConfigMap>(source, _time, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var run = informer.RunAsync(stop.Token);
        await Eventually.True(() => _time.PendingTimers == 1, "the first failure arms a backoff instead of ending the loop");
        informer.Failing.Should().NotBeNull();
        informer.Failing!.Value.Error.Should().Contain("InvalidOperationException").And.Contain("a bug in decoding");
        informer.HasSynced.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.True(() => attempts == 2 && _time.PendingTimers == 1, "the second failure backs off again");
        informer.Failing!.Value.Failures.Should().Be(2);
        _time.Advance(TimeSpan.FromSeconds(1));
        await informer.WaitForSyncAsync(CancellationToken.None);

        informer.Failing.Should().BeNull();
        informer.Store.List().Should().ContainSingle();
        run.IsCompleted.Should().BeFalse("the informer keeps watching");
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Cancellation_between_the_list_and_the_watch_still_ends_the_run_as_cancelled()
    {
        using var stop = new CancellationTokenSource();
        var source = new ListWatch<ConfigMap>(
            "configmaps",
            (_, _) =>
            {
                stop.Cancel();
                return Task.FromResult(List("10", Cm("a", "1")));
            },
            (_, ct) => Forever(ct));
        var informer = new Informer<ConfigMap>(source, _time, NullLogger.Instance);

        await FluentActions.Awaiting(() => informer.RunAsync(stop.Token)).Should().ThrowAsync<OperationCanceledException>();

        informer.HasSynced.Should().BeTrue();
    }

    private static async IAsyncEnumerable<WatchEvent<ConfigMap>> Script(
        WatchEvent<ConfigMap>[] events, Exception? end, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var change in events)
        {
            await Task.Yield();
            yield return change;
        }

        if (end is not null)
        {
            throw end;
        }

        await Task.Delay(Timeout.Infinite, ct);
    }

    private static async IAsyncEnumerable<WatchEvent<ConfigMap>> Forever([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        yield break;
    }
}
