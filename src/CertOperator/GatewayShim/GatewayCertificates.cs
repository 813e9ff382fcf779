using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;

namespace CertOperator.GatewayShim;

/// <summary>
/// The Certificates an annotated Gateway asks for: one per Secret its TLS listeners name, covering those
/// listeners' hostnames, planned by the shim's shared <see cref="IngressLikeCertificates"/>. Unlike an Ingress,
/// `kubernetes.io/tls-acme` does not make a Gateway managed, and each Certificate names the Gateway as the
/// parent of the HTTP-01 HTTPRoutes made for it.
/// </summary>
internal static class GatewayCertificates
{
    public static IngressCertificatePlan Desired(Gateway gateway, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(defaults);
        var (entries, skipped) = GatewayListeners.Read(gateway, defaults.GatewayApiExtraProtocols);
        var source = new IngressLike(gateway.Metadata, IngressLike.ControllerOf(gateway.Metadata, Gateway.Resource), entries, skipped)
        {
            KindAnnotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [IngressAnnotations.Http01ParentRefKind] = Gateway.Resource.Kind,
                [IngressAnnotations.Http01ParentRefName] = gateway.Metadata.Name!,
            },
            EntriesField = "spec.listeners",
        };
        return IngressLikeCertificates.Desired(source, defaults with { AutoCertificateAnnotations = [] });
    }
}
