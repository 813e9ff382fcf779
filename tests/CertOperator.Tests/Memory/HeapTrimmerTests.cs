using CertOperator.Memory;
using CertOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CertOperator.Tests.Memory;

public sealed class HeapTrimmerTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void Trims_after_each_burst_once_quiet_and_not_again_until_the_next_burst()
    {
        var heap = new ScriptedHeap();
        var files = new CountedFilePages();
        var trimmer = new HeapTrimmer(heap, files, HeapTrimPolicy.Default, new FakeTimeProvider(), NullLogger<HeapTrimmer>.Instance);
        bool LookAfter(long allocated)
        {
            heap.Allocate(allocated);
            return trimmer.Look();
        }

        // Start-up: the initial lists allocate 60 MiB over three looks, then the process idles.
        Assert.Equal(
            [false, false, false, true, false, false, false],
            new[] { 20 * MiB, 20 * MiB, 20 * MiB, 0, 0, 100_000, 0 }.Select(LookAfter));
        Assert.Equal(1, heap.Trims);

        // Idle traffic (0.5 MiB per look) adds up past the burst size without ever being busy: one trim in 40 looks.
        Assert.Equal(1, Enumerable.Range(0, 40).Count(_ => LookAfter(MiB / 2)));
        Assert.Equal(2, heap.Trims);

        // A wave of issuances: busy looks never trim; the first quiet one does.
        Assert.Equal([false, false, true], new[] { 30 * MiB, 30 * MiB, 0 }.Select(LookAfter));
        Assert.Equal(3, heap.Trims);
        Assert.Equal(3, files.Releases);
    }

    [Fact]
    public void The_trims_own_allocations_do_not_count_towards_the_next_burst()
    {
        var heap = new ScriptedHeap { AllocatedByTrim = 15 * MiB };
        var trimmer = new HeapTrimmer(heap, new CountedFilePages(), HeapTrimPolicy.Default, new FakeTimeProvider(), NullLogger<HeapTrimmer>.Instance);
        heap.Allocate(16 * MiB);
        Assert.False(trimmer.Look());
        Assert.True(trimmer.Look());
        heap.Allocate(2 * MiB);
        Assert.False(trimmer.Look());
        Assert.False(trimmer.Look());
        Assert.Equal(1, heap.Trims);
    }

    private sealed class ScriptedHeap : IManagedHeap
    {
        public long AllocatedBytes { get; private set; }

        public long AllocatedByTrim { get; init; }

        public long CommittedBytes => 64 * MiB;

        public int Trims { get; private set; }

        public void Allocate(long bytes) => AllocatedBytes += bytes;

        public void Trim()
        {
            Trims++;
            AllocatedBytes += AllocatedByTrim;
        }
    }

    private sealed class CountedFilePages : IFilePages
    {
        public int Releases { get; private set; }

        public long Release()
        {
            Releases++;
            return MiB;
        }
    }
}
