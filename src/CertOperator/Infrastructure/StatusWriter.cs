using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Infrastructure;

/// <summary>
/// Writes status from a copy of the cached object, guarded by its resourceVersion: several
/// controllers write one Certificate's status, and a stale write must fail (409), not clobber.
/// </summary>
internal static class StatusWriter
{
    /// <summary>Applies <paramref name="mutate"/> to a copy; writes only when it reports a change.</summary>
    public static async Task<T> UpdateStatusAsync<T>(KubernetesClient client, T cached, Func<T, bool> mutate, CancellationToken ct)
        where T : class, IKubernetesObject<T>
    {
        var copy = ObjectCopy.Clone(cached);
        return mutate(copy) ? await client.ReplaceStatusAsync(copy, ct) : cached;
    }
}
