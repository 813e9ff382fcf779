using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.IngressShim;

/// <summary>
/// An object the shim plans Certificates from, whatever its kind (cert-manager's "ingress-like": an Ingress or a
/// Gateway): its metadata, the controller reference its Certificates carry, and its TLS entries already read.
/// </summary>
/// <param name="Metadata">Name, namespace, labels and the cert-manager.io annotations.</param>
/// <param name="Controller">The controller reference every Certificate made from it gets.</param>
/// <param name="Entries">The usable TLS entries, in order: one Certificate each.</param>
/// <param name="Skipped">One reason per unusable entry; the others go ahead.</param>
internal sealed record IngressLike(V1ObjectMeta Metadata, V1OwnerReference Controller, IReadOnlyList<IngressTlsEntry> Entries, IReadOnlyList<string> Skipped)
{
    /// <summary>Errors that stop the whole object (an Ingress's secretName in two entries): no Certificate is changed.</summary>
    public IReadOnlyList<string> Blocking { get; init; } = [];

    /// <summary>Certificate annotations this kind adds, e.g. a Gateway's HTTP-01 parentRef.</summary>
    public IReadOnlyDictionary<string, string> KindAnnotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Where a Certificate problem no annotation caused is reported: the object's TLS entries.</summary>
    public string EntriesField { get; init; } = "spec.tls";

    /// <summary>The controller reference to this object, for kind <paramref name="resource"/>.</summary>
    public static V1OwnerReference ControllerOf(V1ObjectMeta metadata, ResourceType resource)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(resource);
        return new V1OwnerReference
        {
            ApiVersion = resource.ApiVersion,
            Kind = resource.Kind,
            Name = metadata.Name!,
            Uid = metadata.Uid ?? "",
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }
}
