using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("The part of a core/v1 PodSecurityContext cert-manager lets a solver pod template set.")]
public sealed class SolverPodSecurityContext
{
    [Description("A group that owns the pod's volumes and is added to its supplemental groups.")]
    public long? FsGroup { get; set; }

    [Description("When the volumes' ownership is changed to fsGroup: `OnRootMismatch` or `Always`.")]
    public string? FsGroupChangePolicy { get; set; }

    [Description("The primary GID of the containers' processes.")]
    public long? RunAsGroup { get; set; }

    [Description("Require the containers to run as a non-root user.")]
    public bool? RunAsNonRoot { get; set; }

    [Description("The UID of the containers' processes.")]
    public long? RunAsUser { get; set; }

    [Description("The SELinux context of the containers.")]
    public SeLinuxOptions? SeLinuxOptions { get; set; }

    [Description("The seccomp profile of the containers.")]
    public SeccompProfile? SeccompProfile { get; set; }

    [Description("Further groups of the containers' first process.")]
    public List<long>? SupplementalGroups { get; set; }

    [Description("Namespaced sysctls of the pod.")]
    public List<Sysctl>? Sysctls { get; set; }
}
