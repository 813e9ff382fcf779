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
/// cert-manager's certificate shim for one Ingress-like kind: keeps one Certificate per TLS secret of an annotated
/// object, owned by it, and deletes the ones it owns when their TLS entry or the issuer annotation goes away.
/// Bad configuration is a BadConfig Warning event on the object, never a retry: only a new object can fix it.
/// </summary>
internal abstract class IngressLikeShimReconciler<TSource> : ConflictTolerantReconciler
    where TSource : class, IKubernetesObject<TSource>
{
    private readonly string _byController = $"certificate-by-controller-{TSource.Resource.Kind.ToLowerInvariant()}";
    private readonly IInformer<TSource> _sources;
    private readonly IInformer<Certificate> _certificates;
    private readonly KubernetesClient _client;
    private readonly EventRecorder _events;

    protected IngressLikeShimReconciler(SharedInformerFactory informers, KubernetesClient client, EventRecorder events)
    {
        ArgumentNullException.ThrowIfNull(informers);
        _sources = informers.GetInformer<TSource>();
        _certificates = informers.GetInformer<Certificate>();
        _certificates.AddIndex(_byController, c => IngressCertificateSync.ControllerUid(c, TSource.Resource.Kind, TSource.Resource.ApiVersion) is { } uid ? [uid] : []);
        _client = client;
        _events = events;
    }

    /// <summary>How to rename the Secret a Certificate is made for, in this kind's words.</summary>
    protected abstract string SecretNameField { get; }

    protected abstract IngressCertificatePlan Plan(TSource source);

    /// <summary>The Secret names the object still uses, valid entries or not; its Certificates for other names are deleted.</summary>
    protected abstract IEnumerable<string> UsedSecretNames(TSource source);

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (_sources.Store.Find(key) is not { } source || IngressIssuer.IsBeingDeleted(source.Metadata))
        {
            return ReconcileResult.Done;
        }

        var plan = Plan(source);
        foreach (var warning in plan.Warnings)
        {
            await _events.RecordAsync(source, EventType.Warning, "BadConfig", warning, ct);
        }

        if (plan.Blocked)
        {
            return ReconcileResult.Done;
        }

        foreach (var certificate in plan.Certificates)
        {
            await EnsureAsync(source, certificate, ct);
        }

        var kind = TSource.Resource.Kind;
        var owned = _certificates.Store.ByIndex(_byController, source.Metadata.Uid!);
        var used = plan.Managed ? UsedSecretNames(source) : [];
        foreach (var stale in IngressCertificateSync.Stale(IngressLike.ControllerOf(source.Metadata, TSource.Resource), used, owned))
        {
            await _client.DeleteAsync<Certificate>(stale.Metadata.NamespaceProperty, stale.Metadata.Name!, ct: ct);
            await _events.RecordAsync(source, EventType.Normal, "DeleteCertificate", $"Deleted Certificate \"{stale.Metadata.Name}\": the {kind} no longer asks for it", ct);
        }

        return ReconcileResult.Done;
    }

    private async Task EnsureAsync(TSource source, Certificate desired, CancellationToken ct)
    {
        var name = desired.Metadata.Name!;
        var kind = TSource.Resource.Kind;
        var (action, write) = IngressCertificateSync.Decide(_certificates.Store.Find(ObjectKey.Of(desired)), desired, source.Metadata.Uid);
        switch (action)
        {
            case IngressCertificateAction.Create:
                await _client.CreateAsync(write!, ct);
                await _events.RecordAsync(source, EventType.Normal, "CreateCertificate", $"Created Certificate \"{name}\"", ct);
                break;
            case IngressCertificateAction.Update:
                await _client.ReplaceAsync(write!, ct);
                await _events.RecordAsync(source, EventType.Normal, "UpdateCertificate", $"Updated Certificate \"{name}\" to match the {kind}", ct);
                break;
            case IngressCertificateAction.NotOwned:
                await _events.RecordAsync(source, EventType.Warning, "BadConfig",
                    $"Certificate \"{name}\" already exists and is not controlled by this {kind}; left unchanged. Rename {SecretNameField} or delete that Certificate", ct);
                break;
            case IngressCertificateAction.UpToDate:
                break;
        }
    }
}
