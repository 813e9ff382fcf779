using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[AtomicMap]
[Description("A meta/v1 LabelSelector: matchLabels and matchExpressions, ANDed; empty matches everything.")]
public sealed class LabelSelector
{
    [Description("Labels that must be present with these values.")]
    public Dictionary<string, string>? MatchLabels { get; set; }

    [Description("Requirements on labels.")]
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}
