using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A meta/v1 LabelSelectorRequirement: a key, an operator and values.")]
public sealed class LabelSelectorRequirement
{
    [Required]
    [Description("The label key the requirement applies to.")]
    public string Key { get; set; } = "";

    [Required]
    [Description("`In`, `NotIn`, `Exists` or `DoesNotExist`.")]
    public string Operator { get; set; } = "";

    [Description("The values: non-empty for In and NotIn, empty for Exists and DoesNotExist.")]
    public List<string>? Values { get; set; }
}
