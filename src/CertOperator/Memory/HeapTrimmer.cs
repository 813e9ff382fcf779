using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Memory;

/// <summary>
/// Looks at the allocation count every <see cref="HeapTrimPolicy.Period"/> and, when the policy says so, trims the heap and
/// drops the resident file pages the burst left mapped (<see cref="IFilePages"/>).
/// </summary>
internal sealed partial class HeapTrimmer(IManagedHeap heap, IFilePages files, HeapTrimPolicy policy, TimeProvider time, ILogger<HeapTrimmer> logger) : BackgroundService
{
    private long _trimmedAt;
    private long _lookedAt = heap.AllocatedBytes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(policy.Period, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Look();
        }
    }

    /// <summary>One look: trims if the policy says so. Returns whether it did.</summary>
    internal bool Look()
    {
        var now = heap.AllocatedBytes;
        var trim = policy.ShouldTrim(now - _trimmedAt, now - _lookedAt);
        if (trim)
        {
            var committed = heap.CommittedBytes;
            heap.Trim();
            var released = files.Release();
            _trimmedAt = heap.AllocatedBytes;
            LogTrimmed(committed >> 20, heap.CommittedBytes >> 20, released >> 20);
        }

        _lookedAt = heap.AllocatedBytes;
        return trim;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trimmed the managed heap: committed {BeforeMiB} MiB -> {AfterMiB} MiB; dropped {FilePagesMiB} MiB of mapped file pages")]
    private partial void LogTrimmed(long beforeMiB, long afterMiB, long filePagesMiB);
}
