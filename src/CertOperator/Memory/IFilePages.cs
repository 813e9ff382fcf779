namespace CertOperator.Memory;

/// <summary>The file pages mapped into the process, as far as <see cref="HeapTrimmer"/> needs them.</summary>
internal interface IFilePages
{
    /// <summary>Drops the resident pages that are clean copies of a file's page cache; returns how many bytes were resident.</summary>
    long Release();
}
