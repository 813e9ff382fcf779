using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;

namespace CertOperator.Certificates;

/// <summary>
/// Deletes the temporary Secrets of next private keys whose issuances have ended: one deletecollection per namespace for
/// all that ended within <see cref="Linger"/> of the first, instead of one DELETE each. A Secret is selected by its
/// <see cref="KeyOfLabel"/>, which names its Certificate and the revision its key was for, so a Secret rewritten for a
/// later revision is not selected. The server deletes what it selected by name, without preconditions, so whoever is
/// about to write one of these Secrets first waits in <see cref="SettledAsync"/> until no deletion of it is pending or
/// under way. When the server refuses deletecollection (RBAC of an older release), each Secret is deleted on its own.
/// Nothing here is kept across restarts: the key manager asks again for every Secret still there.
/// </summary>
internal sealed partial class NextKeyDeletions(KubernetesClient client, TimeProvider time, ILogger<NextKeyDeletions> log) : IDisposable
{
    /// <summary>The label naming the Certificate (uid) and the revision a next-key Secret's key was made for.</summary>
    public const string KeyOfLabel = "certoperator.io/next-private-key-of";

    /// <summary>How long the first deletion of a batch waits for others to join it.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(250);

    /// <summary>The most Secrets one request selects (the selector goes in the URL).</summary>
    public const int MaxBatch = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Item>> _pending = [];
    private readonly Dictionary<ObjectKey, Task> _sending = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _collectionRefused;

    /// <summary>Whether no deletion is waiting to be sent or under way.</summary>
    public bool Idle
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 && _sending.Count == 0;
            }
        }
    }

    /// <summary>The <see cref="KeyOfLabel"/> value of the key for <paramref name="revision"/> of the Certificate with <paramref name="uid"/>.</summary>
    public static string KeyOf(string uid, int revision) => $"{uid}.{revision}";

    /// <summary>
    /// Asks for the Secret to be deleted if it still carries <paramref name="keyOf"/> (one deleted on its own: if it is
    /// still at <paramref name="resourceVersion"/>); returns at once.
    /// </summary>
    public void Enqueue(string ns, string name, string keyOf, string? resourceVersion)
    {
        Batch? full = null;
        lock (_gate)
        {
            if (_sending.ContainsKey(new ObjectKey(ns, name)))
            {
                return;
            }

            if (!_pending.TryGetValue(ns, out var batch))
            {
                _pending[ns] = batch = [];
                _ = SendAfterLingerAsync(ns, batch);
            }

            batch[name] = new Item(keyOf, resourceVersion);
            if (batch.Count >= MaxBatch)
            {
                full = Take(ns, batch);
            }
        }

        if (full is not null)
        {
            _ = SendAsync(ns, full);
        }
    }

    /// <summary>
    /// Completes once no deletion of the Secret is pending or under way: a pending one is withdrawn (its Secret is about to
    /// be rewritten), one under way is waited for.
    /// </summary>
    public Task SettledAsync(string ns, string name, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(ns, out var batch))
            {
                batch.Remove(name);
            }

            return _sending.TryGetValue(new ObjectKey(ns, name), out var sending) ? sending.WaitAsync(ct) : Task.CompletedTask;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task SendAfterLingerAsync(string ns, Dictionary<string, Item> batch)
    {
        try
        {
            await Task.Delay(Linger, time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Batch? due;
        lock (_gate)
        {
            due = _pending.TryGetValue(ns, out var current) && ReferenceEquals(current, batch) ? Take(ns, batch) : null;
        }

        if (due is not null)
        {
            await SendAsync(ns, due);
        }
    }

    /// <summary>Takes the batch out of the pending ones and marks its Secrets as being deleted (under the gate).</summary>
    private Batch Take(string ns, Dictionary<string, Item> items)
    {
        _pending.Remove(ns);
        var batch = new Batch(items, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        foreach (var name in items.Keys)
        {
            _sending[new ObjectKey(ns, name)] = batch.Done.Task;
        }

        return batch;
    }

    private async Task SendAsync(string ns, Batch batch)
    {
        try
        {
            if (batch.Items.Count > 0)
            {
                await DeleteAsync(ns, batch.Items, _stopping.Token);
            }
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or OperationCanceledException)
        {
            // Left for the key manager, which asks again while the Secret is still there.
            LogNotDeleted(log, batch.Items.Count, ns, e.Message);
        }
        finally
        {
            lock (_gate)
            {
                foreach (var name in batch.Items.Keys)
                {
                    _sending.Remove(new ObjectKey(ns, name));
                }
            }

            batch.Done.SetResult();
        }
    }

    private async Task DeleteAsync(string ns, Dictionary<string, Item> batch, CancellationToken ct)
    {
        if (Volatile.Read(ref _collectionRefused) == 0)
        {
            try
            {
                await client.DeleteCollectionAsync<Secret>(ns, $"{KeyOfLabel} in ({string.Join(",", batch.Values.Select(i => i.KeyOf))})", ct);
                return;
            }
            catch (KubernetesApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.MethodNotAllowed)
            {
                if (Interlocked.Exchange(ref _collectionRefused, 1) == 0)
                {
                    LogCollectionRefused(log, e.Message);
                }
            }
        }

        foreach (var (name, item) in batch)
        {
            try
            {
                await client.TryDeleteAsync<Secret>(ns, name, new DeleteOptions { Preconditions = new DeletePreconditions { ResourceVersion = item.ResourceVersion } }, ct);
            }
            catch (KubernetesApiException e) when (e.IsConflict)
            {
                // Written since it was asked for: no longer the Secret to delete.
            }
        }
    }

    private sealed record Item(string KeyOf, string? ResourceVersion);

    /// <summary>Secrets sent for deletion together, and what completes when that is over.</summary>
    private sealed record Batch(Dictionary<string, Item> Items, TaskCompletionSource Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API server refused to delete next-key Secrets together ({Reason}); deleting them one by one from now on. Grant the operator deletecollection on secrets (config/rbac) to save the requests")]
    private static partial void LogCollectionRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not delete {Count} next-key Secrets in {Namespace} yet: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, int count, string @namespace, string reason);
}
