using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 NodeSelectorRequirement: a key, an operator and values.")]
public sealed class NodeSelectorRequirement
{
    [Required]
    [Description("The label or field key the requirement applies to.")]
    public string Key { get; set; } = "";

    [Required]
    [Description("`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`.")]
    public string Operator { get; set; } = "";

    [Description("The values: non-empty for In and NotIn, empty for Exists and DoesNotExist, one integer for Gt and Lt.")]
    public List<string>? Values { get; set; }
}
