using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("A seccomp profile: `RuntimeDefault`, `Unconfined` or `Localhost` with a profile path.")]
public sealed class SeccompProfile
{
    [Description("The profile file on the node, relative to the kubelet's seccomp directory; only with type Localhost.")]
    public string? LocalhostProfile { get; set; }

    [Required]
    [Description("Which kind of profile: `RuntimeDefault`, `Unconfined` or `Localhost`.")]
    public string Type { get; set; } = "";
}
