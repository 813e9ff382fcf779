namespace CertOperator.Testing.RealKube;

/// <summary>Finds the folder holding start.sh, stop.sh and the kube-apiserver 1.24 tarball.</summary>
public static class ControlPlaneFolder
{
    public const string EnvironmentVariable = "CERTOPERATOR_KUBE_APISERVER_DIR";

    /// <summary>
    /// $CERTOPERATOR_KUBE_APISERVER_DIR, else shared/kube-apiserver beside the checkout, else
    /// /work/shared/kube-apiserver. Throws when none exists: the tests must fail, never skip.
    /// </summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string[] candidates = string.IsNullOrEmpty(configured)
            ? [Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "kube-apiserver")), "/work/shared/kube-apiserver"]
            : [configured];
        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, "start.sh")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No real control plane (start.sh, stop.sh, kube-1.24-linux-amd64.tgz) in {string.Join(" or ", candidates)}. "
            + $"Set {EnvironmentVariable} to the folder holding them.");
    }
}
