namespace CertOperator.Issuers.Vault;

/// <summary>
/// Where each call goes, joined like Go's path.Join as cert-manager joins them: the sign path and the AppRole mount
/// under `/v1`, the Kubernetes and cert mount paths as written (they include `/v1`).
/// </summary>
internal static class VaultPaths
{
    public const string DefaultKubernetesMount = "/v1/auth/kubernetes";
    public const string DefaultCertificateMount = "/v1/auth/cert";
    public const string DefaultAppRoleMount = "approle";
    public const string Health = "/v1/sys/health";

    public static string Sign(string path) => Join("/v1", path);

    public static string AppRoleLogin(string? mount) => Join("/v1", "auth", string.IsNullOrEmpty(mount) ? DefaultAppRoleMount : mount, "login");

    public static string KubernetesLogin(string? mountPath) => Join(string.IsNullOrEmpty(mountPath) ? DefaultKubernetesMount : mountPath, "login");

    public static string CertificateLogin(string? mountPath) => Join(string.IsNullOrEmpty(mountPath) ? DefaultCertificateMount : mountPath, "login");

    /// <summary>Joins and cleans: empty and `.` segments dropped, `..` pops (the webhook refuses `..` in any of these paths).</summary>
    public static string Join(params string[] parts)
    {
        var segments = new List<string>();
        foreach (var segment in string.Join('/', parts).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return "/" + string.Join('/', segments);
    }
}
