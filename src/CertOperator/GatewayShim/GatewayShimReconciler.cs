using CertOperator.Infrastructure;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.GatewayShim;

/// <summary>cert-manager's gateway-shim (--enable-gateway-api): one Certificate per Secret the TLS listeners of an annotated Gateway name.</summary>
internal sealed class GatewayShimReconciler(SharedInformerFactory informers, KubernetesClient client, EventRecorder events, OperatorOptions options)
    : IngressLikeShimReconciler<Gateway>(informers, client, events)
{
    private readonly IngressShimDefaults _defaults = IngressShimDefaults.From(options);

    protected override string SecretNameField => "the listener's tls.certificateRefs name";

    protected override IngressCertificatePlan Plan(Gateway source) => GatewayCertificates.Desired(source, _defaults);

    protected override IEnumerable<string> UsedSecretNames(Gateway source) => GatewayListeners.SecretNames(source);
}
