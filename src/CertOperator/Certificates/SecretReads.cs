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
/// it; a Secret this process has just written is remembered by resourceVersion until the cache catches up.
/// A cache that lags a write can only cost a GET, never a decision taken on an older Secret.
/// </summary>
internal sealed class SecretReads<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TView>(IInformer<PartialObjectMetadata> secrets, KubernetesClient client, Func<Secret, TView> project)
    where TView : class
{
    private readonly ConditionalWeakTable<PartialObjectMetadata, TView> _byCachedVersion = [];

    // Unbounded: an entry is what keeps a lagging cache from deciding, so it must not be evicted; there is one per Secret.
    private readonly VersionMemo<TView> _written = new();

    // One GET at a time per cached object (one per version).
    private readonly KeyedGate<PartialObjectMetadata> _fetching = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The Secret's view, or null when it does not exist. A Secret missing from the cache counts as absent unless
    /// <paramref name="confirmAbsent"/>, which asks the server, or this process wrote it and the cache has not caught up.
    /// </summary>
    public async Task<TView?> GetAsync(string ns, string name, bool confirmAbsent, CancellationToken ct)
    {
        var key = new ObjectKey(ns, name);

        // The watch event of our own write can outrun the write's response: wait for it rather than GET what we sent.
        await _written.WrittenAsync(key, ct);
        var cached = secrets.Store.Find(key);
        if (cached is not null && _written.TryTake(key, cached.Metadata.ResourceVersion, out var caughtUp))
        {
            _byCachedVersion.AddOrUpdate(cached, caughtUp);
            return caughtUp;
        }

        var hasWritten = _written.TryGet(key, out var writtenVersion, out var written);

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

        if (await client.TryGetAsync<Secret>(ns, name, ct) is not { } secret)
        {
            _written.Forget(key);
            return null;
        }

        if (hasWritten && secret.Metadata.ResourceVersion == writtenVersion)
        {
            return written;
        }

        var view = project(secret);
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
        TView? view = null;
        var written = await _written.WriteAsync(ObjectKey.Of(secret), token => send(secret, token), written => view = project(written), ct);
        return (written, view!);
    }

    /// <summary>Forgets a Secret this process deleted.</summary>
    public void Forget(string ns, string name) => _written.Forget(new ObjectKey(ns, name));
}
