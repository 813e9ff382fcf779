using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("A core/v1 Toleration: lets the pod schedule onto nodes with a matching taint.")]
public sealed class Toleration
{
    [Description("Taint key to match; empty with operator Exists matches all taints.")]
    public string? Key { get; set; }

    [Description("`Equal` (default) or `Exists`.")]
    public string? Operator { get; set; }

    [Description("Taint value to match when operator is Equal.")]
    public string? Value { get; set; }

    [Description("Taint effect to match: NoSchedule, PreferNoSchedule or NoExecute; empty matches all.")]
    public string? Effect { get; set; }

    [Description("For NoExecute, how many seconds the pod stays bound after the taint appears.")]
    public long? TolerationSeconds { get; set; }
}
