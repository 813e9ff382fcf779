namespace CertOperator.Memory;

/// <summary>The process's managed heap, as far as <see cref="HeapTrimmer"/> needs it.</summary>
internal interface IManagedHeap
{
    /// <summary>Bytes allocated since the process started (monotonic).</summary>
    long AllocatedBytes { get; }

    /// <summary>Memory the GC holds from the operating system (live objects, garbage and free space).</summary>
    long CommittedBytes { get; }

    /// <summary>A full, compacting, blocking collection that also returns free memory to the operating system.</summary>
    void Trim();
}
