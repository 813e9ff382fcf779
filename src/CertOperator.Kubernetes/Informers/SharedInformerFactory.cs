using System.Collections.Concurrent;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Health;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Informers;

/// <summary>
/// One informer per kind (and per full/metadata-only view), shared by every controller that asks for it.
/// Informers requested after <see cref="Start"/> start at once.
/// </summary>
public sealed class SharedInformerFactory : IAsyncDisposable
{
    private readonly KubernetesClient _client;
    private readonly string? _namespace;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<(ResourceType, bool), object> _informers = new();
    private readonly Lock _startGate = new();
    private readonly Dictionary<object, Task> _running = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _started;
    private int _disposed;

    /// <param name="ns">Watch only this namespace; null for all namespaces.</param>
    public SharedInformerFactory(KubernetesClient client, string? ns = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _namespace = ns;
        _time = timeProvider ?? client.Time;
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public IInformer<T> GetInformer<T>()
        where T : class, IKubernetesObject<T> =>
        Get((T.Resource, false), () => ListWatch<T>.Objects<T>(_client, _namespace));

    /// <summary>The metadata-only informer for <typeparamref name="T"/>: caches PartialObjectMetadata, never payloads.</summary>
    public IInformer<PartialObjectMetadata> GetMetadataInformer<T>()
        where T : class, IKubernetesObject<T> => GetMetadataInformer(T.Resource);

    public IInformer<PartialObjectMetadata> GetMetadataInformer(ResourceType resource) =>
        Get((resource, true), () => ListWatch<PartialObjectMetadata>.Metadata(_client, resource, _namespace));

    /// <summary>Starts every informer created so far, and any created later, until disposal.</summary>
    public void Start()
    {
        _started = true;
        foreach (var informer in _informers.Values)
        {
            StartOne(informer);
        }
    }

    /// <summary>Completes when every informer created so far has listed once.</summary>
    public Task WaitForSyncAsync(CancellationToken ct) =>
        Task.WhenAll(_informers.Values.Select(i => ((ISyncable)i).WaitForSyncAsync(ct)));

    /// <summary>
    /// Liveness: every started informer's loop is still running (it retries every failure, so an ended loop
    /// is a dead cache that nothing will refresh).
    /// </summary>
    public IReadOnlyList<HealthCheck> LivenessChecks()
    {
        lock (_startGate)
        {
            var stopping = Volatile.Read(ref _disposed) == 1;
            return [.. _running.Select(r => new HealthCheck(
                $"informer {((ISyncable)r.Key).Description}",
                stopping || !r.Value.IsCompleted,
                r.Value.IsCompleted ? $"loop ended ({r.Value.Status}: {r.Value.Exception?.GetBaseException().Message ?? "no error"})" : "running"))];
        }
    }

    /// <summary>
    /// Readiness: every informer's loop is running, it has listed once, and it has not been failing to list for
    /// longer than <paramref name="staleAfter"/> (a cache that old no longer reflects the cluster). A loop that ended
    /// fails at once: nothing will refresh that cache again.
    /// </summary>
    public IReadOnlyList<HealthCheck> ReadinessChecks(TimeSpan staleAfter)
    {
        var now = _time.GetUtcNow();
        lock (_startGate)
        {
            var stopping = Volatile.Read(ref _disposed) == 1;
            return [.. _informers.Values.Select(informer =>
            {
                var ended = !stopping && _running.TryGetValue(informer, out var loop) && loop.IsCompleted;
                return Readiness((ISyncable)informer, ended, now, staleAfter);
            })];
        }
    }

    private static HealthCheck Readiness(ISyncable informer, bool ended, DateTimeOffset now, TimeSpan staleAfter)
    {
        var name = $"informer {informer.Description}";
        if (ended)
        {
            return new HealthCheck(name, false, "loop ended; nothing refreshes this cache (see /livez and the log)");
        }

        return informer.Failing is { } failing
            ? new HealthCheck(name, informer.HasSynced && now - failing.Since < staleAfter, $"failing since {failing.Since:O} ({failing.Failures} attempts): {failing.Error}")
            : new HealthCheck(name, informer.HasSynced, informer.HasSynced ? "synced" : "not synced yet");
    }

    private IInformer<TItem> Get<TItem>((ResourceType, bool) key, Func<ListWatch<TItem>> source)
        where TItem : class, IKubernetesObject
    {
        var informer = (IInformer<TItem>)_informers.GetOrAdd(
            key, _ => new Informer<TItem>(source(), _time, _loggers.CreateLogger<Informer<TItem>>()));
        if (_started)
        {
            StartOne(informer);
        }

        return informer;
    }

    private void StartOne(object informer)
    {
        // Under a lock, not ConcurrentDictionary.GetOrAdd, whose factory may run twice and start a second loop.
        lock (_startGate)
        {
            if (Volatile.Read(ref _disposed) == 0 && !_running.ContainsKey(informer))
            {
                _running[informer] = Task.Run(() => ((ISyncable)informer).RunAsync(_stop.Token));
            }
        }
    }

    /// <summary>Stops every informer; safe to call more than once (the manager and the DI container both do).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_startGate)
        {
            running = [.. _running.Values];
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way informers end.
        }

        _stop.Dispose();
    }
}
