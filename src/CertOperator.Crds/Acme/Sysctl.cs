using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("A kernel parameter set for the pod.")]
public sealed class Sysctl
{
    [Required]
    [Description("Name of the sysctl.")]
    public string Name { get; set; } = "";

    [Required]
    [Description("Value of the sysctl.")]
    public string Value { get; set; } = "";
}
