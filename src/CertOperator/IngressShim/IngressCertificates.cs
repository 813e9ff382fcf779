using CertOperator.Kubernetes.Model;

namespace CertOperator.IngressShim;

/// <summary>
/// The Certificates an annotated Ingress asks for: its `spec.tls` entries read as cert-manager does (a secretName
/// in two entries stops the Ingress), planned by the shim's shared <see cref="IngressLikeCertificates"/>.
/// </summary>
internal static class IngressCertificates
{
    public static IngressCertificatePlan Desired(Ingress ingress, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var tls = ingress.Spec.Tls ?? [];
        var (entries, skipped) = IngressTlsEntries.Read(tls);
        var source = new IngressLike(ingress.Metadata, IngressLike.ControllerOf(ingress.Metadata, Ingress.Resource), entries, skipped)
        {
            Blocking = IngressTlsEntries.DuplicateSecretNames(tls),
        };
        return IngressLikeCertificates.Desired(source, defaults);
    }
}
