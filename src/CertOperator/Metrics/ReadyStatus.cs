using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Metrics;

/// <summary>cert-manager's ready-status encoding: one series per condition status, 1 for the object's, 0 for the others.</summary>
internal static class ReadyStatus
{
    public static readonly string[] Statuses = ["True", "False", "Unknown"];

    /// <summary>The Ready condition's status; Unknown when there is none (cert-manager does the same).</summary>
    public static string Of(IReadOnlyList<Condition>? conditions) =>
        conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready)?.Status ?? "Unknown";
}
