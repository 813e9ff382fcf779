using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>
/// Reads Secrets through the metadata-only cache: a Secret is fetched (GET) only when the cache shows a version
/// this process has not seen, and what the controllers need from it (a <typeparamref name="TView"/>) is kept for
/// that cached version. Views hang off the cached object itself, so they go when the informer replaces or drops
/// it; a Secret this process has just written is remembered by resourceVersion until the cache catches up. Until the
/// cache has shown any event of that Secret since our write, nothing newer can be known here, so reads are answered
/// with what the write returned: the watch of Certificates, which woke the reader, often runs ahead of the watch of
/// Secrets. A cache that lags a write can only cost a GET, never a decision taken on an older Secret.
/// </summary>
internal sealed class SecretReads<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TView>
    where TView : class
{
    /// <summary>What <see cref="_unseen"/> holds for a Secret this process deleted; a write holds a token of its own.</summary>
    private static readonly object Deleted = new();

    private readonly IInformer<PartialObjectMetadata> _secrets;
    private readonly KubernetesClient _client;
    private readonly Func<Secret, TView> _project;

    private readonly ConditionalWeakTable<PartialObjectMetadata, TView> _byCachedVersion = [];

    // Unbounded: an entry is what keeps a lagging cache from deciding, so it must not be evicted; there is one per Secret.
    private readonly VersionMemo<TView> _written = new();

    // Secrets this process changed of which the cache has shown no event since (a token per write, or Deleted); the first event clears it.
    private readonly ConcurrentDictionary<ObjectKey, object> _unseen = new();

    // One GET at a time per cached object (one per version).
    private readonly KeyedGate<PartialObjectMetadata> _fetching = new(ReferenceEqualityComparer.Instance);

    public SecretReads(IInformer<PartialObjectMetadata> secrets, KubernetesClient client, Func<Secret, TView> project)
    {
        _secrets = secrets;
        _client = client;
        _project = project;
        secrets.AddEventHandler(new InformerHandler<PartialObjectMetadata> { OnAdd = Seen, OnUpdate = (_, secret) => Seen(secret), OnDelete = Seen });
    }

    /// <summary>
    /// The Secret's view, or null when it does not exist. A Secret missing from the cache counts as absent unless
    /// <paramref name="confirmAbsent"/>, which asks the server, or this process wrote it and the cache has not caught up.
    /// </summary>
    public async Task<TView?> GetAsync(string ns, string name, bool confirmAbsent, CancellationToken ct)
    {
        var key = new ObjectKey(ns, name);

        // The watch event of our own write can outrun the write's response: wait for it rather than GET what we sent.
        await _written.WrittenAsync(key, ct);
        var cached = _secrets.Store.Find(key);
        if (cached is not null && _written.TryTake(key, cached.Metadata.ResourceVersion, out var caughtUp))
        {
            _byCachedVersion.AddOrUpdate(cached, caughtUp);
            return caughtUp;
        }

        var hasWritten = _written.TryGet(key, out var writtenVersion, out var written);
        if (hasWritten && _unseen.TryGetValue(key, out var change) && change != Deleted)
        {
            return written;
        }

        // With a write of ours the cache has not shown yet, what the cache holds (or lacks) must not decide anything.
        if (!hasWritten && cached is not null && _byCachedVersion.TryGetValue(cached, out var known))
        {
            return known;
        }

        if (!hasWritten && cached is null && !confirmAbsent)
        {
            return null;
        }

        // Readers of the same cached version take turns, so controllers looking at a Certificate at the same moment (the
        // trigger and readiness; all of them after a restart) share one GET instead of making one each.
        using var turn = !hasWritten && cached is not null ? await _fetching.EnterAsync(cached, ct) : null;
        if (turn is not null && _byCachedVersion.TryGetValue(cached!, out var fetched))
        {
            return fetched;
        }

        if (await _client.TryGetAsync<Secret>(ns, name, ct) is not { } secret)
        {
            _written.Forget(key);
            return null;
        }

        if (hasWritten && secret.Metadata.ResourceVersion == writtenVersion)
        {
            return written;
        }

        var view = _project(secret);
        if (cached is not null && secret.Metadata.ResourceVersion == cached.Metadata.ResourceVersion)
        {
            _written.Forget(key);
            _byCachedVersion.AddOrUpdate(cached, view);
        }
        else
        {
            _written.Remember(key, secret.Metadata.ResourceVersion, view);
        }

        return view;
    }

    /// <summary>
    /// Sends a write (create or replace) and remembers the view of the Secret the server returns, so its cached version
    /// needs no GET. Reads of the same Secret meanwhile wait for the response. Returns the Secret and its view.
    /// </summary>
    public async Task<(Secret Secret, TView View)> WriteAsync(Secret secret, Func<Secret, CancellationToken, Task<Secret>> send, CancellationToken ct)
    {
        var key = ObjectKey.Of(secret);
        var write = new object();
        _unseen[key] = write;
        try
        {
            TView? view = null;
            var written = await _written.WriteAsync(key, token => send(secret, token), written => view = _project(written), ct);
            return (written, view!);
        }
        catch
        {
            _unseen.TryRemove(KeyValuePair.Create(key, write));
            throw;
        }
    }

    /// <summary>
    /// Deletes the Secret the cache shows, once: until the watch event of the DELETE arrives the cache still shows it,
    /// and a second DELETE (another wake-up of the same Certificate meanwhile) would only meet a 404. A Secret the
    /// cache does not show is left alone.
    /// </summary>
    public async Task DeleteAsync(string ns, string name, CancellationToken ct)
    {
        var key = new ObjectKey(ns, name);
        if (_secrets.Store.Find(key) is null || (_unseen.TryGetValue(key, out var change) && change == Deleted))
        {
            return;
        }

        _unseen[key] = Deleted;
        try
        {
            await _client.TryDeleteAsync<Secret>(ns, name, ct: ct);
        }
        catch
        {
            _unseen.TryRemove(KeyValuePair.Create(key, Deleted));
            throw;
        }

        _written.Forget(key);
    }

    private void Seen(PartialObjectMetadata secret) => _unseen.TryRemove(ObjectKey.Of(secret), out _);
}
