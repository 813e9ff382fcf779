using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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
    private readonly ConcurrentDictionary<ObjectKey, (string? ResourceVersion, TView View)> _written = new();
    private readonly ConcurrentDictionary<ObjectKey, Task> _writing = new();

    /// <summary>
    /// The Secret's view, or null when it does not exist. A Secret missing from the cache counts as absent unless
    /// <paramref name="confirmAbsent"/>, which asks the server, or this process wrote it and the cache has not caught up.
    /// </summary>
    public async Task<TView?> GetAsync(string ns, string name, bool confirmAbsent, CancellationToken ct)
    {
        var key = new ObjectKey(ns, name);
        if (_writing.TryGetValue(key, out var writing))
        {
            // The watch event of our own write can outrun the write's response: wait for it rather than GET what we sent.
            await writing.WaitAsync(ct);
        }

        var cached = secrets.Store.Find(key);
        var hasWritten = _written.TryGetValue(key, out var written);
        if (hasWritten && cached is not null && written.ResourceVersion == cached.Metadata.ResourceVersion)
        {
            _written.TryRemove(KeyValuePair.Create(key, written));
            _byCachedVersion.AddOrUpdate(cached, written.View);
            return written.View;
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

        if (await client.TryGetAsync<Secret>(ns, name, ct) is not { } secret)
        {
            _written.TryRemove(key, out _);
            return null;
        }

        if (hasWritten && secret.Metadata.ResourceVersion == written.ResourceVersion)
        {
            return written.View;
        }

        var view = project(secret);
        if (cached is not null && secret.Metadata.ResourceVersion == cached.Metadata.ResourceVersion)
        {
            _written.TryRemove(key, out _);
            _byCachedVersion.AddOrUpdate(cached, view);
        }
        else
        {
            _written[key] = (secret.Metadata.ResourceVersion, view);
        }

        return view;
    }

    /// <summary>
    /// Sends a write (create or replace) and remembers the Secret the server returns, so its cached version needs no GET.
    /// Reads of the same Secret meanwhile wait for the response.
    /// </summary>
    public async Task<Secret> WriteAsync(Secret secret, Func<Secret, CancellationToken, Task<Secret>> send, CancellationToken ct)
    {
        var key = ObjectKey.Of(secret);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writing[key] = done.Task;
        try
        {
            var written = await send(secret, ct);
            Remember(written);
            return written;
        }
        finally
        {
            _writing.TryRemove(KeyValuePair.Create(key, done.Task));
            done.SetResult();
        }
    }

    private TView Remember(Secret secret)
    {
        var view = project(secret);
        _written[ObjectKey.Of(secret)] = (secret.Metadata.ResourceVersion, view);
        return view;
    }

    /// <summary>Forgets a Secret this process deleted.</summary>
    public void Forget(string ns, string name) => _written.TryRemove(new ObjectKey(ns, name), out _);
}
