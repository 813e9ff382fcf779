using System.Text.Json;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Serialization;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.IngressShim;

/// <summary>
/// Compares a desired Certificate with the existing one and picks the Certificates an Ingress-like object no
/// longer uses. Pure, so cert-manager's sync table rows are reproduced without a cluster.
/// </summary>
internal static class IngressCertificateSync
{
    /// <summary>Certificate annotations the shim derives from the Ingress or Gateway and removes when it stops asking; others are the user's.</summary>
    private static readonly string[] DerivedAnnotations =
    [
        IngressAnnotations.OverrideIngressName, IngressAnnotations.OverrideIngressClass,
        IngressAnnotations.OverrideIngressClassName, CertManagerAnnotations.IssueTemporaryCertificate,
        IngressAnnotations.Http01ParentRefKind, IngressAnnotations.Http01ParentRefName,
    ];

    /// <summary>
    /// Only a Certificate the desired one's controller (the Ingress or Gateway, <paramref name="ownerUid"/>) controls
    /// is changed. An update takes the desired spec and labels, keeps the existing Certificate's other annotations
    /// and overwrites the ones the source sets.
    /// </summary>
    public static (IngressCertificateAction Action, Certificate? Write) Decide(Certificate? existing, Certificate desired, string? ownerUid)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (existing is null)
        {
            return (IngressCertificateAction.Create, desired);
        }

        var owner = desired.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        if (ownerUid is null || owner is null || ControllerUid(existing, owner.Kind, owner.ApiVersion) != ownerUid)
        {
            return (IngressCertificateAction.NotOwned, null);
        }

        if (!NeedsUpdate(existing, desired))
        {
            return (IngressCertificateAction.UpToDate, null);
        }

        var updated = ObjectCopy.Clone(existing);
        updated.Spec = desired.Spec;
        updated.Metadata.Labels = desired.Metadata.Labels;
        var annotations = updated.Metadata.Annotations.OrEmpty().Where(a => !DerivedAnnotations.Contains(a.Key)).ToDictionary(StringComparer.Ordinal);
        foreach (var (key, value) in desired.Metadata.Annotations.OrEmpty())
        {
            annotations[key] = value;
        }

        updated.Metadata.Annotations = annotations.Count > 0 ? annotations : null;
        return (IngressCertificateAction.Update, updated);
    }

    /// <summary>
    /// The Certificates this Ingress controls whose secretName no TLS entry uses any more (all of them once
    /// it names no issuer). An entry skipped as invalid still counts as used, so a typo never deletes a Secret's Certificate.
    /// </summary>
    public static IReadOnlyList<Certificate> Stale(Ingress ingress, bool managed, IEnumerable<Certificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var used = (ingress.Spec.Tls ?? []).Select(t => t.SecretName ?? "");
        return Stale(IngressLike.ControllerOf(ingress.Metadata, Ingress.Resource), managed ? used : [], certificates);
    }

    /// <summary>The Certificates <paramref name="controller"/> controls whose secretName is not among <paramref name="used"/>.</summary>
    public static IReadOnlyList<Certificate> Stale(V1OwnerReference controller, IEnumerable<string> used, IEnumerable<Certificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var names = used.ToHashSet(StringComparer.Ordinal);
        return [.. certificates.Where(c => controller.Uid.Length > 0 && ControllerUid(c, controller.Kind, controller.ApiVersion) == controller.Uid && !names.Contains(c.Spec.SecretName))];
    }

    public static string? ControllerIngressUid(Certificate certificate) => ControllerUid(certificate, Ingress.Resource.Kind, Ingress.Resource.ApiVersion);

    /// <summary>The UID of the Certificate's controller when that is of <paramref name="kind"/> in <paramref name="apiVersion"/>'s group (any version).</summary>
    public static string? ControllerUid(Certificate certificate, string kind, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var group = Group(apiVersion);
        return certificate.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true && o.Kind == kind && Group(o.ApiVersion) == group)?.Uid;
    }

    /// <summary>
    /// Every spec field counts (cert-manager compares only some, so an ip-sans change waited for another
    /// edit there); durations compare by value, so "7200s" written earlier equals "2h0m0s".
    /// </summary>
    private static bool NeedsUpdate(Certificate existing, Certificate desired)
    {
        var spec = CertManagerJsonContext.Default.CertificateSpec;
        var have = ObjectCopy.Clone(existing).Spec;
        have.Duration = Canonical(have.Duration);
        have.RenewBefore = Canonical(have.RenewBefore);
        if (!JsonElement.DeepEquals(JsonSerializer.SerializeToElement(have, spec), JsonSerializer.SerializeToElement(desired.Spec, spec)))
        {
            return true;
        }

        if (!SameMap(existing.Metadata.Labels, desired.Metadata.Labels))
        {
            return true;
        }

        var haveAnnotations = existing.Metadata.Annotations.OrEmpty();
        var wantAnnotations = desired.Metadata.Annotations.OrEmpty();
        return DerivedAnnotations.Any(k => haveAnnotations.GetValueOrDefault(k) != wantAnnotations.GetValueOrDefault(k))
            || wantAnnotations.Any(a => haveAnnotations.GetValueOrDefault(a.Key) != a.Value);
    }

    private static string Group(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.LastIndexOf('/')] : "";

    private static string? Canonical(string? duration) =>
        duration is not null && GoDuration.TryParse(duration, out var value) ? GoDuration.Format(value) : duration;

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        a.OrEmpty().Count == b.OrEmpty().Count && a.OrEmpty().All(p => b.OrEmpty().TryGetValue(p.Key, out var v) && v == p.Value);
}
