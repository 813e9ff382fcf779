namespace CertOperator.Memory;

/// <summary>The real GC. <see cref="GCCollectionMode.Aggressive"/> decommits the free regions a plain collection keeps.</summary>
internal sealed class RuntimeHeap : IManagedHeap
{
    public long AllocatedBytes => GC.GetTotalAllocatedBytes();

    public long CommittedBytes => GC.GetGCMemoryInfo().TotalCommittedBytes;

    public void Trim() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
