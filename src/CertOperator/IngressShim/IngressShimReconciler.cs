using System.Text.Json;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Serialization;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.IngressShim;

/// <summary>
/// cert-manager's ingress-shim: keeps one Certificate per TLS secret of an annotated Ingress, owned by
/// that Ingress, and deletes the ones it owns when their TLS entry or the issuer annotation goes away.
/// </summary>
internal sealed class IngressShimReconciler : ConflictTolerantReconciler
{
    private const string ByIngress = "certificate-by-controller-ingress";

    /// <summary>Certificate annotations the shim derives from the Ingress; others on the Certificate are left alone.</summary>
    private static readonly string[] ManagedAnnotations =
    [
        IngressAnnotations.OverrideIngressName, IngressAnnotations.OverrideIngressClass,
        IngressAnnotations.OverrideIngressClassName, CertManagerAnnotations.IssueTemporaryCertificate,
    ];

    private readonly IInformer<Ingress> _ingresses;
    private readonly IInformer<Certificate> _certificates;
    private readonly KubernetesClient _client;
    private readonly EventRecorder _events;
    private readonly IngressShimDefaults _defaults;

    public IngressShimReconciler(SharedInformerFactory informers, KubernetesClient client, EventRecorder events, OperatorOptions options)
    {
        _ingresses = informers.GetInformer<Ingress>();
        _certificates = informers.GetInformer<Certificate>();
        _certificates.AddIndex(ByIngress, c => ControllerIngressUid(c) is { } uid ? [uid] : []);
        _client = client;
        _events = events;
        _defaults = new IngressShimDefaults(options.DefaultIssuerName, options.DefaultIssuerKind, options.DefaultIssuerGroup);
    }

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (_ingresses.Store.Find(key) is not { Metadata.DeletionTimestamp: null } ingress)
        {
            return ReconcileResult.Done;
        }

        var (desired, errors) = IngressCertificates.Desired(ingress, _defaults);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await _events.RecordAsync(ingress, EventType.Warning, "BadConfig", $"{error}; no Certificate was changed", ct);
            }

            return ReconcileResult.Done;
        }

        foreach (var certificate in desired)
        {
            await EnsureAsync(ingress, certificate, ct);
        }

        var wanted = desired.Select(c => c.Metadata.Name!).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _certificates.Store.ByIndex(ByIngress, ingress.Metadata.Uid!).Where(c => !wanted.Contains(c.Metadata.Name!)))
        {
            await _client.DeleteAsync<Certificate>(stale.Metadata.Namespace, stale.Metadata.Name!, ct: ct);
            await _events.RecordAsync(ingress, EventType.Normal, "DeleteCertificate", $"Deleted Certificate \"{stale.Metadata.Name}\": the Ingress no longer asks for it", ct);
        }

        return ReconcileResult.Done;
    }

    private async Task EnsureAsync(Ingress ingress, Certificate desired, CancellationToken ct)
    {
        var name = desired.Metadata.Name!;
        if (_certificates.Store.Find(ObjectKey.Of(desired)) is not { } existing)
        {
            await _client.CreateAsync(desired, ct);
            await _events.RecordAsync(ingress, EventType.Normal, "CreateCertificate", $"Created Certificate \"{name}\"", ct);
            return;
        }

        if (ControllerIngressUid(existing) != ingress.Metadata.Uid)
        {
            await _events.RecordAsync(ingress, EventType.Warning, "BadConfig",
                $"Certificate \"{name}\" already exists and is not controlled by this Ingress; left unchanged. Rename spec.tls secretName or delete that Certificate", ct);
            return;
        }

        if (UpToDate(existing, desired))
        {
            return;
        }

        var updated = ObjectCopy.Clone(existing);
        updated.Spec = desired.Spec;
        var annotations = updated.Metadata.Annotations ?? [];
        foreach (var managed in ManagedAnnotations)
        {
            annotations.Remove(managed);
        }

        foreach (var (k, v) in desired.Metadata.Annotations ?? [])
        {
            annotations[k] = v;
        }

        updated.Metadata.Annotations = annotations.Count > 0 ? annotations : null;
        await _client.ReplaceAsync(updated, ct);
        await _events.RecordAsync(ingress, EventType.Normal, "UpdateCertificate", $"Updated Certificate \"{name}\" to match the Ingress", ct);
    }

    private static bool UpToDate(Certificate existing, Certificate desired)
    {
        var spec = CertManagerJsonContext.Default.CertificateSpec;
        if (!JsonElement.DeepEquals(JsonSerializer.SerializeToElement(existing.Spec, spec), JsonSerializer.SerializeToElement(desired.Spec, spec)))
        {
            return false;
        }

        var have = existing.Metadata.Annotations ?? [];
        var want = desired.Metadata.Annotations ?? [];
        return ManagedAnnotations.All(k => have.GetValueOrDefault(k) == want.GetValueOrDefault(k));
    }

    private static string? ControllerIngressUid(Certificate certificate) =>
        certificate.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true && o.Kind == "Ingress" && o.ApiVersion.StartsWith("networking.k8s.io/", StringComparison.Ordinal))?.Uid;
}
