using System.Text;
using CertOperator.Certificates;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// Secrets are read through the metadata cache: fetched once per version, never decided on from a version older
/// than this process's own last write, and answered from that write (no GET) until the cache shows an event of the
/// Secret. The cache here is set by hand, so every lag the informer can have is a step.
/// </summary>
public sealed class SecretReadsTests : IAsyncLifetime
{
    private readonly HandSetCache _cache = new();
    private TestCluster _cluster = null!;
    private SecretReads<string> _reads = null!;

    private KubeApiServer Server => _cluster.Server;

    private KubernetesClient Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartWithCrdsAsync();
        _reads = new SecretReads<string>(_cache, Client, secret => Encoding.ASCII.GetString(secret.Data!["v"]));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_version_already_read_is_not_fetched_again()
    {
        _cache.Show(await Client.CreateAsync(Secret("one")));

        var gets = await GetsDuring(async () =>
        {
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("one");
            (await _reads.GetAsync("default", "s", confirmAbsent: true, CancellationToken.None)).Should().Be("one");
        });

        gets.Should().Be(1);
    }

    [Fact]
    public async Task A_version_someone_else_wrote_is_fetched_once_when_the_cache_shows_it()
    {
        var first = await Client.CreateAsync(Secret("one"));
        _cache.Show(first);
        await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None);
        var second = await Client.ReplaceAsync(Secret("two", first.Metadata.ResourceVersion));
        _cache.Show(second);

        var gets = await GetsDuring(async () =>
        {
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two");
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two");
        });

        gets.Should().Be(1);
    }

    [Fact]
    public async Task After_our_own_write_a_cache_still_showing_the_older_version_never_answers_with_it()
    {
        var first = await Client.CreateAsync(Secret("one"));
        _cache.Show(first);
        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("one");

        var second = (await _reads.WriteAsync(Secret("two", first.Metadata.ResourceVersion), (s, ct) => Client.ReplaceAsync(s, ct), CancellationToken.None)).Secret;

        var gets = await GetsDuring(async () =>
        {
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two", "the cache lags our write; its version must not decide");
            _cache.Show(second);
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two");
        });
        gets.Should().Be(0, "before its watch event nothing newer than our write can be known; after it the cache shows the version we wrote");
    }

    [Fact]
    public async Task A_Secret_we_created_that_the_cache_has_not_seen_is_not_reported_absent_and_not_fetched()
    {
        await _reads.WriteAsync(Secret("one"), (s, ct) => Client.CreateAsync(s, ct), CancellationToken.None);

        var gets = await GetsDuring(async () =>
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("one"));

        gets.Should().Be(0, "the watch of Certificates woke the reader before the watch of Secrets showed our write");
    }

    [Fact]
    public async Task Once_the_cache_shows_a_change_after_our_write_the_change_is_fetched()
    {
        var first = (await _reads.WriteAsync(Secret("one"), (s, ct) => Client.CreateAsync(s, ct), CancellationToken.None)).Secret;
        var second = await Client.ReplaceAsync(Secret("two", first.Metadata.ResourceVersion));

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("one", "no event since our write: the cache knows nothing newer");
        _cache.Show(first);
        _cache.Show(second);

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two");
    }

    [Fact]
    public async Task A_write_whose_response_was_lost_is_not_answered_with_the_write_before_it()
    {
        var first = (await _reads.WriteAsync(Secret("one"), (s, ct) => Client.CreateAsync(s, ct), CancellationToken.None)).Secret;
        var lost = () => _reads.WriteAsync(Secret("two", first.Metadata.ResourceVersion), async (s, ct) =>
        {
            await Client.ReplaceAsync(s, ct);
            throw new TimeoutException("the response never came");
        }, CancellationToken.None);
        await lost.Should().ThrowAsync<TimeoutException>();

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two", "the server may hold what we sent: ask it");
    }

    [Fact]
    public async Task A_Secret_is_deleted_once_while_the_cache_still_shows_it()
    {
        var first = await Client.CreateAsync(Secret("one"));
        _cache.Show(first);

        var deletes = await DeletesDuring(async () =>
        {
            await _reads.DeleteAsync("default", "s", CancellationToken.None);
            await _reads.DeleteAsync("default", "s", CancellationToken.None);
        });
        deletes.Should().Be(1, "the second wake-up before the DELETE's watch event would only meet a 404");

        _cache.Hide("default", "s");
        _cache.Show(await Client.CreateAsync(Secret("two")));
        (await DeletesDuring(() => _reads.DeleteAsync("default", "s", CancellationToken.None))).Should().Be(1, "a new Secret of the same name is deleted");
        (await DeletesDuring(() => _reads.DeleteAsync("default", "t", CancellationToken.None))).Should().Be(0, "a Secret the cache does not show is left alone");
    }

    [Fact]
    public async Task Absent_from_the_cache_is_absent_without_a_request_unless_confirmation_is_asked()
    {
        await Client.CreateAsync(Secret("one"));

        (await GetsDuring(async () => (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().BeNull())).Should().Be(0);
        (await GetsDuring(async () => (await _reads.GetAsync("default", "s", confirmAbsent: true, CancellationToken.None)).Should().Be("one"))).Should().Be(1);
    }

    [Fact]
    public async Task A_Secret_deleted_after_our_write_reads_as_absent()
    {
        var written = (await _reads.WriteAsync(Secret("one"), (s, ct) => Client.CreateAsync(s, ct), CancellationToken.None)).Secret;
        _cache.Show(written);
        await Client.DeleteAsync<Secret>("default", "s");
        _cache.Hide("default", "s");

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Readers_of_the_same_cached_version_at_the_same_time_share_one_GET()
    {
        _cache.Show(await Client.CreateAsync(Secret("one")));
        Server.Faults.ResponseDelay = TimeSpan.FromMilliseconds(200);

        var gets = await GetsDuring(async () =>
        {
            var readers = Enumerable.Range(0, 8).Select(_ => _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).ToList();
            (await Task.WhenAll(readers)).Should().AllBe("one");
        });

        gets.Should().Be(1, "the trigger and readiness (every controller after a restart) look at the same version at once");
    }

    [Fact]
    public async Task A_reader_that_gives_up_does_not_fail_the_others_sharing_its_GET()
    {
        _cache.Show(await Client.CreateAsync(Secret("one")));
        Server.Faults.ResponseDelay = TimeSpan.FromMilliseconds(200);
        using var impatient = new CancellationTokenSource();

        var first = _reads.GetAsync("default", "s", confirmAbsent: false, impatient.Token);
        var second = _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None);
        await impatient.CancelAsync();

        await first.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await second).Should().Be("one");
    }

    private static Secret Secret(string value, string? resourceVersion = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default", ResourceVersion = resourceVersion },
        Data = new Dictionary<string, byte[]>() { ["v"] = Encoding.ASCII.GetBytes(value) },
    };

    private async Task<int> GetsDuring(Func<Task> action) => await RequestsDuring(action, "GET secrets");

    private async Task<int> DeletesDuring(Func<Task> action) => await RequestsDuring(action, "DELETE secrets");

    private async Task<int> RequestsDuring(Func<Task> action, string request)
    {
        var before = Server.Requests.Snapshot();
        await action();
        return RequestCounter.Delta(before, Server.Requests.Snapshot(), request);
    }

    /// <summary>A metadata cache that shows exactly the versions a test puts in it, like an informer at any point of its lag.</summary>
    private sealed class HandSetCache : IInformer<PartialObjectMetadata>, IObjectStore<PartialObjectMetadata>
    {
        private readonly Dictionary<ObjectKey, PartialObjectMetadata> _items = [];
        private readonly List<InformerHandler<PartialObjectMetadata>> _handlers = [];

        public IObjectStore<PartialObjectMetadata> Store => this;

        public bool HasSynced => true;

        public int Count => _items.Count;

        /// <summary>Shows <paramref name="secret"/>'s version and delivers the watch event for it.</summary>
        public void Show(Secret secret)
        {
            var shown = new PartialObjectMetadata
            {
                Metadata = new V1ObjectMeta { Name = secret.Metadata.Name, NamespaceProperty = secret.Metadata.NamespaceProperty, ResourceVersion = secret.Metadata.ResourceVersion },
            };
            var old = _items.GetValueOrDefault(ObjectKey.Of(secret));
            _items[ObjectKey.Of(secret)] = shown;
            foreach (var handler in _handlers)
            {
                if (old is null)
                {
                    handler.OnAdd?.Invoke(shown);
                }
                else
                {
                    handler.OnUpdate?.Invoke(old, shown);
                }
            }
        }

        public void Hide(string ns, string name)
        {
            if (_items.Remove(new ObjectKey(ns, name), out var gone))
            {
                _handlers.ForEach(h => h.OnDelete?.Invoke(gone));
            }
        }

        public PartialObjectMetadata? Find(ObjectKey key) => _items.GetValueOrDefault(key);

        public IReadOnlyList<PartialObjectMetadata> List() => [.. _items.Values];

        public IReadOnlyList<PartialObjectMetadata> ByIndex(string indexName, string value) => throw new NotSupportedException();

        public Task WaitForSyncAsync(CancellationToken ct) => Task.CompletedTask;

        public void AddIndex(string name, Func<PartialObjectMetadata, IEnumerable<string>> indexFunction) => throw new NotSupportedException();

        public void AddEventHandler(InformerHandler<PartialObjectMetadata> handler) => _handlers.Add(handler);

        public Task RunAsync(CancellationToken ct) => throw new NotSupportedException();
    }
}
