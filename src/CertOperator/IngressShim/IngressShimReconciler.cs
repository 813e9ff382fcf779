using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.IngressShim;

/// <summary>cert-manager's ingress-shim: one Certificate per `spec.tls` secret of an annotated Ingress.</summary>
internal sealed class IngressShimReconciler(SharedInformerFactory informers, KubernetesClient client, EventRecorder events, OperatorOptions options)
    : IngressLikeShimReconciler<Ingress>(informers, client, events)
{
    private readonly IngressShimDefaults _defaults = IngressShimDefaults.From(options);

    protected override string SecretNameField => "spec.tls secretName";

    protected override IngressCertificatePlan Plan(Ingress source) => IngressCertificates.Desired(source, _defaults);

    protected override IEnumerable<string> UsedSecretNames(Ingress source) => (source.Spec.Tls ?? []).Select(t => t.SecretName ?? "");
}
