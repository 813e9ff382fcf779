using System.Collections.Concurrent;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.Tests.Controllers;

/// <summary>The hook metrics hang on: every reconcile is reported as started, and errors and throws as failed.</summary>
public sealed class ReconcileObserverTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Every_reconcile_is_reported_and_returned_errors_and_exceptions_count_as_failures()
    {
        var observer = new Recorder();
        var reconciler = new Body(key => key.Name switch
        {
            "error" => Task.FromResult(ReconcileResult.Error("no")),
            "throw" => throw new InvalidOperationException("bug"),
            _ => Task.FromResult(ReconcileResult.Done),
        });
        using var controller = new Controller("widgets", reconciler, 1, new WorkQueue(_time), observer, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var workers = controller.RunWorkersAsync(stop.Token);

        foreach (var name in new[] { "ok-1", "error", "ok-2", "throw" })
        {
            controller.Queue.Add(new ObjectKey("ns", name));
        }

        await Eventually.True(() => observer.Started.Count == 4 && controller.Queue.IsIdle, "four reconciles ran");
        await stop.CancelAsync();
        await workers;

        observer.Started.Should().OnlyContain(c => c == "widgets").And.HaveCount(4);
        observer.Failed.Should().Equal("widgets", "widgets");
    }

    private sealed class Recorder : IReconcileObserver
    {
        public ConcurrentQueue<string> Started { get; } = new();

        public ConcurrentQueue<string> Failed { get; } = new();

        public void ReconcileStarted(string controller) => Started.Enqueue(controller);

        public void ReconcileFailed(string controller) => Failed.Enqueue(controller);
    }

    private sealed class Body(Func<ObjectKey, Task<ReconcileResult>> body) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct) => body(key);
    }
}
