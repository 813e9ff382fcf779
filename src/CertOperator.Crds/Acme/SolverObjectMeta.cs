using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Labels and annotations for objects created to solve a challenge.")]
public sealed class SolverObjectMeta
{
    [Description("Annotations to add.")]
    public Dictionary<string, string>? Annotations { get; set; }

    [Description("Labels to add.")]
    public Dictionary<string, string>? Labels { get; set; }
}
