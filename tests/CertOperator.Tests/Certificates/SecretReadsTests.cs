using System.Text;
using CertOperator.Certificates;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// Secrets are read through the metadata cache: fetched once per version, never decided on from a version older
/// than this process's own last write. The cache here is set by hand, so every lag the informer can have is a step.
/// </summary>
public sealed class SecretReadsTests : IAsyncLifetime, IDisposable
{
    private readonly HandSetCache _cache = new();
    private KubeApiServer _server = null!;
    private KubernetesClient _client = null!;
    private SecretReads<string> _reads = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [_server.KubeconfigPath] }));
        _reads = new SecretReads<string>(_cache, _client, secret => Encoding.ASCII.GetString(secret.Data!["v"]));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_version_already_read_is_not_fetched_again()
    {
        _cache.Show(await _client.CreateAsync(Secret("one")));

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
        var first = await _client.CreateAsync(Secret("one"));
        _cache.Show(first);
        await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None);
        var second = await _client.ReplaceAsync(Secret("two", first.Metadata.ResourceVersion));
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
        var first = await _client.CreateAsync(Secret("one"));
        _cache.Show(first);
        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("one");

        var second = await _reads.WriteAsync(Secret("two", first.Metadata.ResourceVersion), (s, ct) => _client.ReplaceAsync(s, ct), CancellationToken.None);

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two", "the cache lags our write; its version must not decide");
        _cache.Show(second);
        var gets = await GetsDuring(async () =>
            (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("two"));
        gets.Should().Be(0, "the cache has caught up with the version we wrote");
    }

    [Fact]
    public async Task A_Secret_we_created_that_the_cache_has_not_seen_is_not_reported_absent()
    {
        await _reads.WriteAsync(Secret("one"), (s, ct) => _client.CreateAsync(s, ct), CancellationToken.None);

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().Be("one");
    }

    [Fact]
    public async Task Absent_from_the_cache_is_absent_without_a_request_unless_confirmation_is_asked()
    {
        await _client.CreateAsync(Secret("one"));

        (await GetsDuring(async () => (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().BeNull())).Should().Be(0);
        (await GetsDuring(async () => (await _reads.GetAsync("default", "s", confirmAbsent: true, CancellationToken.None)).Should().Be("one"))).Should().Be(1);
    }

    [Fact]
    public async Task A_Secret_deleted_after_our_write_reads_as_absent()
    {
        var written = await _reads.WriteAsync(Secret("one"), (s, ct) => _client.CreateAsync(s, ct), CancellationToken.None);
        _cache.Show(written);
        await _client.DeleteAsync<Secret>("default", "s");
        _cache.Hide("default", "s");

        (await _reads.GetAsync("default", "s", confirmAbsent: false, CancellationToken.None)).Should().BeNull();
    }

    private static Secret Secret(string value, string? resourceVersion = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default", ResourceVersion = resourceVersion },
        Data = new Dictionary<string, byte[]>() { ["v"] = Encoding.ASCII.GetBytes(value) },
    };

    private async Task<int> GetsDuring(Func<Task> action)
    {
        var before = _server.Requests.Snapshot();
        await action();
        return RequestCounter.Delta(before, _server.Requests.Snapshot(), "GET secrets");
    }

    /// <summary>A metadata cache that shows exactly the versions a test puts in it, like an informer at any point of its lag.</summary>
    private sealed class HandSetCache : IInformer<PartialObjectMetadata>, IObjectStore<PartialObjectMetadata>
    {
        private readonly Dictionary<ObjectKey, PartialObjectMetadata> _items = [];

        public IObjectStore<PartialObjectMetadata> Store => this;

        public bool HasSynced => true;

        public int Count => _items.Count;

        public void Show(Secret secret) => _items[ObjectKey.Of(secret)] = new PartialObjectMetadata
        {
            Metadata = new V1ObjectMeta { Name = secret.Metadata.Name, NamespaceProperty = secret.Metadata.NamespaceProperty, ResourceVersion = secret.Metadata.ResourceVersion },
        };

        public void Hide(string ns, string name) => _items.Remove(new ObjectKey(ns, name));

        public PartialObjectMetadata? Find(ObjectKey key) => _items.GetValueOrDefault(key);

        public IReadOnlyList<PartialObjectMetadata> List() => [.. _items.Values];

        public IReadOnlyList<PartialObjectMetadata> ByIndex(string indexName, string value) => throw new NotSupportedException();

        public Task WaitForSyncAsync(CancellationToken ct) => Task.CompletedTask;

        public void AddIndex(string name, Func<PartialObjectMetadata, IEnumerable<string>> indexFunction) => throw new NotSupportedException();

        public void AddEventHandler(InformerHandler<PartialObjectMetadata> handler) => throw new NotSupportedException();

        public Task RunAsync(CancellationToken ct) => throw new NotSupportedException();
    }
}
