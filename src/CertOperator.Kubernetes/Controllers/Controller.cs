using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Controllers;

/// <summary>A work queue fed by informer handlers and drained by N workers calling one reconciler.</summary>
internal sealed partial class Controller : IDisposable
{
    private readonly IReconciler _reconciler;
    private readonly int _concurrency;
    private readonly IReconcileObserver? _observer;
    private readonly ILogger _logger;
    private int _workers;
    private int _died;

    public Controller(string name, IReconciler reconciler, int concurrency, WorkQueue queue, IReconcileObserver? observer, ILogger logger)
    {
        Name = name;
        _reconciler = reconciler;
        _concurrency = concurrency;
        Queue = queue;
        _observer = observer;
        _logger = logger;
    }

    public string Name { get; }

    public WorkQueue Queue { get; }

    public int Concurrency => _concurrency;

    /// <summary>Workers running now.</summary>
    public int Workers => Volatile.Read(ref _workers);

    /// <summary>Workers that ended on an unexpected exception (each is replaced, but it means a bug).</summary>
    public int DiedWorkers => Volatile.Read(ref _died);

    /// <summary>Runs the workers until <paramref name="ct"/> is cancelled (leadership lost or shutdown).</summary>
    public Task RunWorkersAsync(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(() => SupervisedWorkerAsync(ct), CancellationToken.None)));

    /// <summary>A worker that ends on an unexpected exception is logged and replaced, so the queue never loses a consumer.</summary>
    private async Task SupervisedWorkerAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _workers);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await WorkerAsync(ct).ConfigureAwait(false);
                    return;
                }
#pragma warning disable CA1031 // a worker loop must outlive any bug in the code it calls.
                catch (Exception e) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref _died);
                    LogWorkerDied(_logger, e, Name);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _workers);
        }
    }

    private async Task WorkerAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            ObjectKey? next;
            try
            {
                next = await Queue.GetAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (next is not { } key)
            {
                return;
            }

            try
            {
                await ProcessAsync(key, ct).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(ObjectKey key, CancellationToken ct)
    {
        _observer?.ReconcileStarted(Name);
        try
        {
            var result = await _reconciler.ReconcileAsync(key, ct).ConfigureAwait(false);
            if (result.ErrorMessage is { } message)
            {
                _observer?.ReconcileFailed(Name);
                var attempt = Queue.RateLimiter.Failures(key) + 1;
                if (RepeatLog.ShouldLog(attempt))
                {
                    LogFailed(_logger, Name, key, message, attempt);
                }

                Queue.AddRateLimited(key);
                return;
            }

            Queue.Forget(key);
            if (result.RequeueDelay is { } delay)
            {
                Queue.Reschedule(key, delay);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Interrupted by shutdown or lost leadership: the next leader term picks the key up again.
            Queue.Add(key);
        }
#pragma warning disable CA1031 // any reconciler failure, whatever its type, means "retry this key with backoff".
        catch (Exception e)
#pragma warning restore CA1031
        {
            _observer?.ReconcileFailed(Name);
            var attempt = Queue.RateLimiter.Failures(key) + 1;
            if (RepeatLog.ShouldLog(attempt))
            {
                LogThrew(_logger, e, Name, key, attempt);
            }

            Queue.AddRateLimited(key);
        }
    }

    public void Dispose() => Queue.Dispose();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Controller {Controller}: a worker died and is replaced")]
    private static partial void LogWorkerDied(ILogger logger, Exception exception, string controller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Controller {Controller}: reconcile of {Key} failed (attempt {Attempt}): {Error}")]
    private static partial void LogFailed(ILogger logger, string controller, ObjectKey key, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Controller {Controller}: reconcile of {Key} threw (attempt {Attempt})")]
    private static partial void LogThrew(ILogger logger, Exception exception, string controller, ObjectKey key, int attempt);
}
