using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.IngressShim;

/// <summary>Whether an Ingress asks for Certificates, and from which issuer (cert-manager's hasShimAnnotation and issuerForIngressLike).</summary>
internal static class IngressIssuer
{
    private const string ForegroundDeletion = "foregroundDeletion";

    /// <summary>
    /// An issuer annotation, even empty, makes the Ingress managed (an empty one is then reported); a
    /// configured auto-certificate annotation (`kubernetes.io/tls-acme`) must read as true like Go's ParseBool.
    /// </summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> annotations, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(defaults);
        return annotations.ContainsKey(IngressAnnotations.Issuer) || annotations.ContainsKey(IngressAnnotations.ClusterIssuer)
            || annotations.ContainsKey(IngressAnnotations.LegacyIssuer) || annotations.ContainsKey(IngressAnnotations.LegacyClusterIssuer)
            || defaults.AutoCertificateAnnotations.Any(a => annotations.TryGetValue(a, out var value) && IsGoTrue(value));
    }

    /// <summary>A deleted Ingress, or one deleted in the foreground (its dependents first), is left alone.</summary>
    public static bool IsBeingDeleted(V1ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.DeletionTimestamp is not null || (metadata.Finalizers ?? []).Contains(ForegroundDeletion, StringComparer.Ordinal);
    }

    /// <summary>
    /// The issuer annotations override the configured default; cluster-issuer fixes kind and group, so it
    /// may not be combined with issuer, issuer-kind or issuer-group. Every conflict is reported at once.
    /// </summary>
    public static (IssuerReference? Issuer, string? Error) Resolve(IReadOnlyDictionary<string, string> annotations, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(defaults);
        var (name, kind, group) = (defaults.IssuerName ?? "", defaults.IssuerKind, defaults.IssuerGroup);
        var issuer = Either(annotations, IngressAnnotations.Issuer, IngressAnnotations.LegacyIssuer);
        var clusterIssuer = Either(annotations, IngressAnnotations.ClusterIssuer, IngressAnnotations.LegacyClusterIssuer);
        if (issuer is not null)
        {
            (name, kind) = (issuer, "Issuer");
        }

        if (clusterIssuer is not null)
        {
            (name, kind) = (clusterIssuer, "ClusterIssuer");
        }

        var hasKind = annotations.TryGetValue(IngressAnnotations.IssuerKind, out var kindAnnotation);
        var hasGroup = annotations.TryGetValue(IngressAnnotations.IssuerGroup, out var groupAnnotation);
        kind = hasKind ? kindAnnotation! : kind;
        group = hasGroup ? groupAnnotation! : group;

        var errors = new List<string>();
        if (name.Length == 0)
        {
            errors.Add($"no issuer name: set {IngressAnnotations.Issuer} or {IngressAnnotations.ClusterIssuer} to the issuer's name, or run the operator with --default-issuer-name (and --default-issuer-kind)");
        }

        if (issuer is not null && clusterIssuer is not null)
        {
            errors.Add($"both {IngressAnnotations.Issuer} and {IngressAnnotations.ClusterIssuer} are set; keep only one of them");
        }

        if (clusterIssuer is not null && hasGroup)
        {
            errors.Add($"both {IngressAnnotations.ClusterIssuer} and {IngressAnnotations.IssuerGroup} are set; remove {IngressAnnotations.IssuerGroup} (or use {IngressAnnotations.Issuer} for an external issuer)");
        }

        if (clusterIssuer is not null && hasKind)
        {
            errors.Add($"both {IngressAnnotations.ClusterIssuer} and {IngressAnnotations.IssuerKind} are set; remove {IngressAnnotations.IssuerKind} (or use {IngressAnnotations.Issuer} for an external issuer)");
        }

        return errors.Count > 0
            ? (null, "Could not determine issuer for ingress due to bad annotations: " + string.Join("; ", errors))
            : (new IssuerReference { Name = name, Kind = NullIfEmpty(kind), Group = NullIfEmpty(group) }, null);
    }

    /// <summary>The cert-manager.io annotation, or the legacy certmanager.k8s.io one we still honour.</summary>
    private static string? Either(IReadOnlyDictionary<string, string> annotations, string key, string legacy) =>
        annotations.TryGetValue(key, out var value) ? value : annotations.GetValueOrDefault(legacy);

    /// <summary>An empty kind or group is omitted from the Certificate, as Go's omitempty does.</summary>
    private static string? NullIfEmpty(string? value) => value is { Length: > 0 } ? value : null;

    private static bool IsGoTrue(string value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
