using CertOperator.Crds.Certificates;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>
/// Certificates as this process's own status writes left them, read instead of the cache while the cache still shows
/// the version a write started from (as client-go's mutation cache does, but by exact versions: resourceVersions are
/// never compared for order). Without it, a reconcile woken before the watch event of the previous write arrived
/// decided from the older copy: the readiness controller reported a refusal it had just reported (a second Warning)
/// and applied a status it had just applied.
/// <para>
/// An entry holds the cache's version when the write was recorded and the copy the server returned. A read finding the
/// cache at exactly that version takes the copy (the server's state after our write, so at least as new as the
/// cache); a read finding any other version drops the entry and takes the cache, which has moved on. A write is
/// recorded only when its order is known: made from the cached version itself, or from the copy already recorded.
/// Two writes made from the same cached copy at once (two controllers) cannot be ordered, so the entry goes and reads
/// fall back to the cache. Entries cannot pile up: the watch event of each write wakes its Certificate's reconciles,
/// whose reads drop the entry once the cache has moved (or the Certificate is gone).
/// </para>
/// </summary>
internal sealed class CertificateWrites
{
    private readonly Lock _gate = new();

    /// <summary>Per Certificate: the copy our last write returned, at the cache's version when it was recorded.</summary>
    private readonly VersionMemo<Certificate> _entries = new();

    /// <summary>How many Certificates are read from their last write rather than from the cache.</summary>
    public int Count => _entries.Count;

    /// <summary><paramref name="cached"/>, or what our last write of it returned while the cache has not moved since.</summary>
    public Certificate? Newest(ObjectKey key, Certificate? cached)
    {
        lock (_gate)
        {
            if (!_entries.TryGet(key, out var cachedVersion, out var written))
            {
                return cached;
            }

            if (cached is not null && cached.Metadata.ResourceVersion == cachedVersion)
            {
                return written;
            }

            _entries.Forget(key);
            return cached;
        }
    }

    /// <summary>
    /// Records <paramref name="written"/>, what the server returned for a write made from <paramref name="read"/>, with
    /// <paramref name="cachedVersion"/> the version the cache holds now (null: not cached). Trims it as the cache trims.
    /// </summary>
    public void Record(Certificate read, Certificate written, string? cachedVersion)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(written);
        CacheTrimming.Trim(written);
        var key = ObjectKey.Of(written);
        lock (_gate)
        {
            // An entry made at another cached version is stale: reads drop it, and so does this.
            var current = _entries.TryGet(key, out var entryVersion, out var recorded) && entryVersion == cachedVersion ? recorded : null;
            var basedOnRecorded = current is not null && current.Metadata.ResourceVersion == read.Metadata.ResourceVersion;
            var basedOnCache = current is null && read.Metadata.ResourceVersion == cachedVersion;
            if (cachedVersion is not null && written.Metadata.ResourceVersion != cachedVersion && (basedOnRecorded || basedOnCache))
            {
                _entries.Remember(key, cachedVersion, written);
            }
            else
            {
                _entries.Forget(key);
            }
        }
    }
}
