using CertOperator.Crds.Certificates;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>
/// Certificates as this process's own status writes left them, read instead of the cache while the cache still shows
/// a version from before them (as client-go's mutation cache does, but by exact versions: resourceVersions are never
/// compared for order). Without it, a reconcile woken before the watch event of the previous write arrived decided
/// from the older copy: the readiness controller reported a refusal it had just reported (a second Warning) and
/// applied a status it had just applied.
/// <para>
/// An entry holds the copy the server returned for our last write and the versions it is known to supersede: the
/// cache's version when the first write of a chain was recorded, and the version each later write of the chain
/// started from. A read finding the cache at one of those versions takes the copy (the server's state after our
/// write, so newer than the cache); a read finding any other version drops the entry and takes the cache, which has
/// reached our write or moved past it. So a cache that catches up one write at a time never hands back a copy older
/// than one a read already saw. A write is recorded only when its order is known: made from the cached version
/// itself, or from the copy already recorded. Two writes made from the same cached copy at once (two controllers)
/// cannot be ordered, so the entry goes and reads fall back to the cache. Entries cannot pile up: the watch event of
/// each write wakes its Certificate's reconciles, whose reads drop the entry once the cache has moved past the chain
/// (or the Certificate is gone); a chain longer than <see cref="MaxChain"/> writes ahead of the cache is dropped.
/// </para>
/// </summary>
internal sealed class CertificateWrites
{
    /// <summary>How many versions an entry may supersede before reads go back to the cache.</summary>
    public const int MaxChain = 16;

    private readonly Lock _gate = new();

    /// <summary>Per Certificate: the copy our last write returned and the versions it supersedes.</summary>
    private readonly VersionMemo<Chain> _entries = new();

    /// <summary>How many Certificates are read from their last write rather than from the cache.</summary>
    public int Count => _entries.Count;

    /// <summary><paramref name="cached"/>, or what our last write of it returned while the cache shows a version from before it.</summary>
    public Certificate? Newest(ObjectKey key, Certificate? cached)
    {
        lock (_gate)
        {
            if (!_entries.TryGet(key, out _, out var chain))
            {
                return cached;
            }

            if (cached is not null && chain.Supersedes(cached.Metadata.ResourceVersion))
            {
                return chain.Written;
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
            // An entry the cache has moved past is stale: reads drop it, and so does this.
            var current = _entries.TryGet(key, out _, out var recorded) && recorded.Supersedes(cachedVersion) ? recorded : null;
            var readVersion = read.Metadata.ResourceVersion;
            Chain? next = null;
            if (cachedVersion is not null && written.Metadata.ResourceVersion != cachedVersion && readVersion is not null)
            {
                if (current is not null && current.Written.Metadata.ResourceVersion == readVersion && current.Superseded.Count < MaxChain)
                {
                    next = new Chain(written, [.. current.Superseded, readVersion]);
                }
                else if (current is null && readVersion == cachedVersion)
                {
                    next = new Chain(written, [cachedVersion]);
                }
            }

            if (next is null)
            {
                _entries.Forget(key);
            }
            else
            {
                _entries.Remember(key, written.Metadata.ResourceVersion, next);
            }
        }
    }

    /// <summary>The copy a write returned and the versions it is known to be newer than.</summary>
    private sealed record Chain(Certificate Written, IReadOnlyList<string> Superseded)
    {
        public bool Supersedes(string? version) => version is not null && Superseded.Contains(version);
    }
}
