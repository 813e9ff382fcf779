using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes;

/// <summary>Status condition helpers with Kubernetes semantics: lastTransitionTime moves only when status changes.</summary>
public static class Conditions
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    public static Condition? Find(IEnumerable<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IEnumerable<Condition>? conditions, string type) => Find(conditions, type)?.Status == True;

    /// <summary>
    /// Adds or updates the condition of <paramref name="type"/>. Reason, message and observedGeneration are
    /// always written; lastTransitionTime is set only when the condition is new or its status changed.
    /// Returns true if anything changed (so the caller knows whether to write status).
    /// </summary>
    public static bool Set(
        IList<Condition> conditions, string type, string status, string? reason, string? message, long? observedGeneration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = timeProvider.GetUtcNow(),
            });
            return true;
        }

        var changed = existing.Status != status || existing.Reason != reason || existing.Message != message || existing.ObservedGeneration != observedGeneration;
        if (existing.Status != status)
        {
            existing.LastTransitionTime = timeProvider.GetUtcNow();
        }

        existing.Status = status;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = observedGeneration;
        return changed;
    }

    public static bool Remove(IList<Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return Find(conditions, type) is { } existing && conditions.Remove(existing);
    }
}
