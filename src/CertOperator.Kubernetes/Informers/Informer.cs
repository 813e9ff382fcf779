using System.Text.Json;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Informers;

/// <summary>
/// List, then watch from the list's resourceVersion with bookmarks. A broken stream re-watches from the
/// last seen resourceVersion after a backoff; 410 Expired relists. The store is replaced on relist and
/// handlers see the differences. Cached objects have managedFields removed to save memory.
/// </summary>
internal sealed partial class Informer<T> : IInformer<T>, ISyncable
    where T : class, IKubernetesObject
{
    private const string AnyResourceVersion = "0";
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ListWatch<T> _source;
    private readonly ObjectStore<T> _store = new();
    private readonly Lock _handlerGate = new();
    private readonly List<InformerHandler<T>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private TimeSpan _backoff = InitialBackoff;
    private int _lists;
    private int _failures;
    private DateTimeOffset? _failingSince;
    private string? _lastError;

    public Informer(ListWatch<T> source, TimeProvider time, ILogger logger)
    {
        _source = source;
        _time = time;
        _logger = logger;
    }

    public IObjectStore<T> Store => _store;

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>How many full lists have run (1 + relists); tests assert on it.</summary>
    internal int ListCount => Volatile.Read(ref _lists);

    public Task WaitForSyncAsync(CancellationToken ct) => _synced.Task.WaitAsync(ct);

    public string Description => _source.Description;

    /// <summary>Since when every list attempt has failed, and the last cause; null while lists and watches work.</summary>
    public (DateTimeOffset Since, int Failures, string Error)? Failing
    {
        get
        {
            lock (_handlerGate)
            {
                return _failingSince is { } since ? (since, _failures, _lastError!) : null;
            }
        }
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunction) => _store.AddIndex(name, indexFunction);

    public void AddEventHandler(InformerHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_handlerGate)
        {
            _handlers.Add(handler);
            foreach (var item in _store.List())
            {
                handler.OnAdd?.Invoke(item);
            }
        }
    }

    /// <summary>Lists and watches until <paramref name="ct"/> is cancelled, which always ends it with an OperationCanceledException.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var resourceVersion = await ListAsync(ct).ConfigureAwait(false);
                await WatchUntilExpiredAsync(resourceVersion, ct).ConfigureAwait(false);
                LogRelist(_logger, _source.Description);
            }
#pragma warning disable CA1031 // whatever broke the list (a malformed answer, a handler bug), the informer must not die: relist with backoff.
            catch (Exception e) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                var failures = RecordFailure(e);
                if (RepeatLog.ShouldLog(failures))
                {
                    LogListFailed(_logger, e, _source.Description, failures, _backoff);
                }

                await DelayAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private int RecordFailure(Exception e)
    {
        lock (_handlerGate)
        {
            _failingSince ??= _time.GetUtcNow();
            _lastError = $"{e.GetType().Name}: {e.Message}";
            return ++_failures;
        }
    }

    private void RecordSuccess()
    {
        int failures;
        lock (_handlerGate)
        {
            failures = _failures;
            _failures = 0;
            _failingSince = null;
            _lastError = null;
        }

        if (failures > 0)
        {
            LogRecovered(_logger, _source.Description, failures);
        }
    }

    private async Task<string?> ListAsync(CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        // As client-go's reflector: the first list takes any version, which kube-apiserver serves from its watch cache
        // in one answer instead of paging through etcd; a relist after the watch expired reads the latest.
        var list = await _source.List(Volatile.Read(ref _lists) == 0 ? AnyResourceVersion : null, ct).ConfigureAwait(false);
        var listed = _time.GetElapsedTime(started);
        Interlocked.Increment(ref _lists);
        var seen = new HashSet<ObjectKey>();
        foreach (var item in list.Items)
        {
            seen.Add(ObjectKey.Of(item));
            Apply(WatchEventType.Added, item);
        }

        foreach (var gone in _store.KeysExcept(seen))
        {
            if (_store.Remove(gone) is { } old)
            {
                Dispatch(h => h.OnDelete?.Invoke(old));
            }
        }

        // Clear the failure before announcing the sync, so nobody who waited for the sync still sees it failing.
        RecordSuccess();
        LogListed(_logger, _source.Description, list.Items.Count, listed.TotalMilliseconds, _time.GetElapsedTime(started).TotalMilliseconds);
        _synced.TrySetResult();
        _backoff = InitialBackoff;
        return list.Metadata.ResourceVersion;
    }

    /// <summary>Watches (re-watching after clean ends and transient failures) until the resourceVersion expires.</summary>
    private async Task WatchUntilExpiredAsync(string? resourceVersion, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var events = 0;
            try
            {
                await foreach (var change in _source.Watch(resourceVersion, ct).ConfigureAwait(false))
                {
                    events++;
                    resourceVersion = change.Item.Metadata.ResourceVersion ?? resourceVersion;
                    if (change.Type != WatchEventType.Bookmark)
                    {
                        Apply(change.Type, change.Item);
                    }
                }
            }
            catch (WatchExpiredException)
            {
                return;
            }
            catch (Exception e) when (IsTransient(e, ct))
            {
                LogWatchBroken(_logger, e, _source.Description, resourceVersion, _backoff);
                await DelayAsync(ct).ConfigureAwait(false);
                continue;
            }

            if (events == 0)
            {
                await DelayAsync(ct).ConfigureAwait(false);
            }
            else
            {
                _backoff = InitialBackoff;
            }
        }
    }

    private void Apply(WatchEventType type, T item)
    {
        if (type == WatchEventType.Deleted)
        {
            var removed = _store.Remove(ObjectKey.Of(item));
            Dispatch(h => h.OnDelete?.Invoke(removed ?? item));
            return;
        }

        // Trimmed before pooling, so the pool never copies what the cache drops.
        CacheTrimming.Trim(item);
        StringPool.Shared.InternMetadata(item.Metadata);
        (item as IStringPooled)?.PoolStrings(StringPool.Shared);
        var old = _store.Upsert(item);
        if (old is null)
        {
            Dispatch(h => h.OnAdd?.Invoke(item));
        }
        else if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
        {
            Dispatch(h => h.OnUpdate?.Invoke(old, item));
        }
    }

    private void Dispatch(Action<InformerHandler<T>> call)
    {
        lock (_handlerGate)
        {
            foreach (var handler in _handlers)
            {
                call(handler);
            }
        }
    }

    private async Task DelayAsync(CancellationToken ct)
    {
        var delay = _backoff;
        _backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, _backoff.Ticks * 2));
        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
    }

    private static bool IsTransient(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or IOException or KubernetesApiException or JsonException or TimeoutException or OperationCanceledException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Informer {Source}: listed {Count} objects in {ListMs:0} ms, stored in {TotalMs:0} ms")]
    private static partial void LogListed(ILogger logger, string source, int count, double listMs, double totalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Informer {Source}: resourceVersion expired, relisting")]
    private static partial void LogRelist(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Informer {Source}: list failed ({Failures} in a row), retrying in {Backoff}")]
    private static partial void LogListFailed(ILogger logger, Exception exception, string source, int failures, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Informer {Source}: listed again after {Failures} failures")]
    private static partial void LogRecovered(ILogger logger, string source, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Informer {Source}: watch from {ResourceVersion} broke, re-watching in {Backoff}")]
    private static partial void LogWatchBroken(ILogger logger, Exception exception, string source, string? resourceVersion, TimeSpan backoff);
}
