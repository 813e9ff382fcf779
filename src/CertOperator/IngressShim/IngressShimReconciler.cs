using CertOperator.Crds.Certificates;
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
/// Bad configuration is a BadConfig Warning event on the Ingress, never a retry: only a new Ingress can fix it.
/// </summary>
internal sealed class IngressShimReconciler : ConflictTolerantReconciler
{
    private const string ByIngress = "certificate-by-controller-ingress";

    private readonly IInformer<Ingress> _ingresses;
    private readonly IInformer<Certificate> _certificates;
    private readonly KubernetesClient _client;
    private readonly EventRecorder _events;
    private readonly IngressShimDefaults _defaults;

    public IngressShimReconciler(SharedInformerFactory informers, KubernetesClient client, EventRecorder events, OperatorOptions options)
    {
        _ingresses = informers.GetInformer<Ingress>();
        _certificates = informers.GetInformer<Certificate>();
        _certificates.AddIndex(ByIngress, c => IngressCertificateSync.ControllerIngressUid(c) is { } uid ? [uid] : []);
        _client = client;
        _events = events;
        _defaults = new IngressShimDefaults(options.DefaultIssuerName, options.DefaultIssuerKind, options.DefaultIssuerGroup)
        {
            AutoCertificateAnnotations = options.AutoCertificateAnnotations,
            ExtraCertificateAnnotations = options.ExtraCertificateAnnotations,
        };
    }

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (_ingresses.Store.Find(key) is not { } ingress || IngressIssuer.IsBeingDeleted(ingress.Metadata))
        {
            return ReconcileResult.Done;
        }

        var plan = IngressCertificates.Desired(ingress, _defaults);
        foreach (var warning in plan.Warnings)
        {
            await _events.RecordAsync(ingress, EventType.Warning, "BadConfig", warning, ct);
        }

        if (plan.Blocked)
        {
            return ReconcileResult.Done;
        }

        foreach (var certificate in plan.Certificates)
        {
            await EnsureAsync(ingress, certificate, ct);
        }

        var owned = _certificates.Store.ByIndex(ByIngress, ingress.Metadata.Uid!);
        foreach (var stale in IngressCertificateSync.Stale(ingress, plan.Managed, owned))
        {
            await _client.DeleteAsync<Certificate>(stale.Metadata.Namespace, stale.Metadata.Name!, ct: ct);
            await _events.RecordAsync(ingress, EventType.Normal, "DeleteCertificate", $"Deleted Certificate \"{stale.Metadata.Name}\": the Ingress no longer asks for it", ct);
        }

        return ReconcileResult.Done;
    }

    private async Task EnsureAsync(Ingress ingress, Certificate desired, CancellationToken ct)
    {
        var name = desired.Metadata.Name!;
        var (action, write) = IngressCertificateSync.Decide(_certificates.Store.Find(ObjectKey.Of(desired)), desired, ingress.Metadata.Uid);
        switch (action)
        {
            case IngressCertificateAction.Create:
                await _client.CreateAsync(write!, ct);
                await _events.RecordAsync(ingress, EventType.Normal, "CreateCertificate", $"Created Certificate \"{name}\"", ct);
                break;
            case IngressCertificateAction.Update:
                await _client.ReplaceAsync(write!, ct);
                await _events.RecordAsync(ingress, EventType.Normal, "UpdateCertificate", $"Updated Certificate \"{name}\" to match the Ingress", ct);
                break;
            case IngressCertificateAction.NotOwned:
                await _events.RecordAsync(ingress, EventType.Warning, "BadConfig",
                    $"Certificate \"{name}\" already exists and is not controlled by this Ingress; left unchanged. Rename spec.tls secretName or delete that Certificate", ct);
                break;
            case IngressCertificateAction.UpToDate:
                break;
        }
    }
}
