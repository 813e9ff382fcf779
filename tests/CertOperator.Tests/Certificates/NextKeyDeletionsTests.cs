using System.Diagnostics;
using CertOperator.Certificates;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Tests.Certificates;

/// <summary>Next-key Secrets of finished issuances, deleted together against the test API server, on a fake clock.</summary>
public sealed class NextKeyDeletionsTests : IAsyncLifetime, IDisposable
{
    private const string Ns = "default";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private KubeApiServer _server = null!;
    private KubernetesClient _client = null!;
    private NextKeyDeletions _deletions = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [_server.KubeconfigPath] }));
        _deletions = new NextKeyDeletions(_client, _clock, NullLogger<NextKeyDeletions>.Instance);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _deletions.Dispose();
        _client.Dispose();
    }

    [Fact]
    public async Task Secrets_asked_for_together_go_in_one_request_and_one_rewritten_for_a_later_revision_stays()
    {
        var asked = new List<Secret>();
        for (var i = 0; i < 5; i++)
        {
            asked.Add(await KeySecretAsync($"web-{i}", NextKeyDeletions.KeyOf($"uid-{i}", 2)));
        }

        await KeySecretAsync("api", NextKeyDeletions.KeyOf("uid-api", 3));
        var before = _server.Requests.Snapshot();

        foreach (var secret in asked)
        {
            _deletions.Enqueue(Ns, secret.Metadata.Name!, secret.Metadata.Labels![NextKeyDeletions.KeyOfLabel], secret.Metadata.ResourceVersion);
        }

        // Asked for while its key was for revision 2; rewritten for revision 3 since.
        _deletions.Enqueue(Ns, "api", NextKeyDeletions.KeyOf("uid-api", 2), "1");
        await SentAsync();

        RequestCounter.Delta(before, _server.Requests.Snapshot(), "DELETE secrets").Should().Be(1, "one deletecollection selects them all");
        foreach (var secret in asked)
        {
            (await _client.TryGetAsync<Secret>(Ns, secret.Metadata.Name!)).Should().BeNull(secret.Metadata.Name);
        }

        (await _client.TryGetAsync<Secret>(Ns, "api")).Should().NotBeNull("its key is for a later revision now");
    }

    [Fact]
    public async Task A_deletion_withdrawn_before_it_is_sent_sends_nothing()
    {
        var secret = await KeySecretAsync("web", NextKeyDeletions.KeyOf("uid-web", 2));
        var before = _server.Requests.Snapshot();

        _deletions.Enqueue(Ns, "web", NextKeyDeletions.KeyOf("uid-web", 2), secret.Metadata.ResourceVersion);
        await _deletions.SettledAsync(Ns, "web", CancellationToken.None);
        await SentAsync();

        RequestCounter.Delta(before, _server.Requests.Snapshot(), "DELETE").Should().Be(0);
        (await _client.TryGetAsync<Secret>(Ns, "web")).Should().NotBeNull("whoever withdrew it is about to rewrite it");
    }

    [Fact]
    public async Task When_deletecollection_is_refused_each_Secret_goes_on_its_own_unless_written_since()
    {
        var kept = await KeySecretAsync("web-0", NextKeyDeletions.KeyOf("uid-0", 2));
        var changed = await KeySecretAsync("web-1", NextKeyDeletions.KeyOf("uid-1", 2));
        _deletions.Enqueue(Ns, "web-0", NextKeyDeletions.KeyOf("uid-0", 2), kept.Metadata.ResourceVersion);
        _deletions.Enqueue(Ns, "web-1", NextKeyDeletions.KeyOf("uid-1", 2), changed.Metadata.ResourceVersion);
        changed.Data = new Dictionary<string, byte[]> { ["tls.key"] = "rewritten"u8.ToArray() };
        await _client.ReplaceAsync(changed);
        var before = _server.Requests.Snapshot();

        _server.Faults.FailNextRequests(1, 403, retryAfter: null);
        await SentAsync();

        RequestCounter.Delta(before, _server.Requests.Snapshot(), "DELETE secrets 403").Should().Be(1, "the collection was refused");
        (await _client.TryGetAsync<Secret>(Ns, "web-0")).Should().BeNull("deleted on its own");
        (await _client.TryGetAsync<Secret>(Ns, "web-1")).Should().NotBeNull("written since it was asked for, so its version no longer matches");
        RequestCounter.Delta(before, _server.Requests.Snapshot(), "DELETE secrets 409").Should().Be(1);
    }

    private async Task<Secret> KeySecretAsync(string name, string keyOf) => await _client.CreateAsync(new Secret
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Labels = new Dictionary<string, string> { [NextKeyDeletions.KeyOfLabel] = keyOf } },
        Data = new Dictionary<string, byte[]> { ["tls.key"] = "key"u8.ToArray() },
    });

    /// <summary>Lets the linger pass on the fake clock and waits until the batch has been sent.</summary>
    private async Task SentAsync()
    {
        _clock.Advance(NextKeyDeletions.Linger);
        var deadline = Stopwatch.StartNew();
        while (!_deletions.Idle)
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the batch is sent");
            await Task.Delay(10);
        }
    }
}
