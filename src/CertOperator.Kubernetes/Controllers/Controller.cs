using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Controllers;

/// <summary>A work queue fed by informer handlers and drained by N workers calling one reconciler.</summary>
internal sealed partial class Controller : IDisposable
{
    private readonly IReconciler _reconciler;
    private readonly int _concurrency;
    private readonly ILogger _logger;

    public Controller(string name, IReconciler reconciler, int concurrency, WorkQueue queue, ILogger logger)
    {
        Name = name;
        _reconciler = reconciler;
        _concurrency = concurrency;
        Queue = queue;
        _logger = logger;
    }

    public string Name { get; }

    public WorkQueue Queue { get; }

    /// <summary>Runs the workers until <paramref name="ct"/> is cancelled (leadership lost or shutdown).</summary>
    public Task RunWorkersAsync(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(() => WorkerAsync(ct), CancellationToken.None)));

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
        try
        {
            var result = await _reconciler.ReconcileAsync(key, ct).ConfigureAwait(false);
            if (result.ErrorMessage is { } message)
            {
                LogFailed(_logger, Name, key, message, Queue.RateLimiter.Failures(key) + 1);
                Queue.AddRateLimited(key);
                return;
            }

            Queue.Forget(key);
            if (result.RequeueDelay is { } delay)
            {
                Queue.AddAfter(key, delay);
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
            LogThrew(_logger, e, Name, key, Queue.RateLimiter.Failures(key) + 1);
            Queue.AddRateLimited(key);
        }
    }

    public void Dispose() => Queue.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Controller {Controller}: reconcile of {Key} failed (attempt {Attempt}): {Error}")]
    private static partial void LogFailed(ILogger logger, string controller, ObjectKey key, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Controller {Controller}: reconcile of {Key} threw (attempt {Attempt})")]
    private static partial void LogThrew(ILogger logger, Exception exception, string controller, ObjectKey key, int attempt);
}
