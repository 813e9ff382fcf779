namespace CertOperator.Kubernetes.Model;

/// <summary>What every cached copy drops: its kind's own trim (<see cref="ICacheTrimmable"/>), then managedFields.</summary>
public static class CacheTrimming
{
    /// <summary>
    /// managedFields can outweigh the rest of the metadata; caches strip them as controller-runtime recommends, after
    /// the kind has kept what it needs of them.
    /// </summary>
    public static void Trim(IKubernetesObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        (item as ICacheTrimmable)?.TrimForCache();
        item.Metadata.ManagedFields = null;
    }
}
