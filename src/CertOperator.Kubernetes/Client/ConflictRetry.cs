namespace CertOperator.Kubernetes.Client;

/// <summary>Read-modify-write under optimistic concurrency: re-run the whole action when the write hits 409 Conflict.</summary>
public static class ConflictRetry
{
    /// <summary>
    /// Runs <paramref name="action"/> (which must re-read what it writes) until it succeeds without a 409 Conflict,
    /// backing off with jitter between attempts; after <paramref name="maxAttempts"/> the last conflict is thrown.
    /// </summary>
    public static async Task RetryOnConflictAsync(
        Func<CancellationToken, Task> action, int maxAttempts = 20, TimeProvider? timeProvider = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var time = timeProvider ?? TimeProvider.System;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action(ct).ConfigureAwait(false);
                return;
            }
            catch (KubernetesApiException e) when (e.IsConflict && attempt < maxAttempts)
            {
                var cap = Math.Min(1000, 10 * (1 << Math.Min(attempt, 7)));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(cap / 2, cap)), time, ct).ConfigureAwait(false);
            }
        }
    }
}
