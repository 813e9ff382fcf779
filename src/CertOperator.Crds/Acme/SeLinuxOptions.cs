using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("SELinux labels of a container.")]
public sealed class SeLinuxOptions
{
    [Description("SELinux level label.")]
    public string? Level { get; set; }

    [Description("SELinux role label.")]
    public string? Role { get; set; }

    [Description("SELinux type label.")]
    public string? Type { get; set; }

    [Description("SELinux user label.")]
    public string? User { get; set; }
}
