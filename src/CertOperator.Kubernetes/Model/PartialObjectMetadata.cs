using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// meta.k8s.io/v1 PartialObjectMetadata: an object with only its metadata, which the server
/// returns for `Accept: application/json;as=PartialObjectMetadata…` so caches skip payloads.
/// </summary>
public sealed class PartialObjectMetadata : IKubernetesObject, ICacheTrimmable
{
    /// <summary>
    /// `kubectl apply` (and GitOps tools that apply client-side) store the whole applied object here, a Secret's
    /// data included, so a metadata-only cache that kept it would hold the payloads it exists to skip.
    /// </summary>
    public const string LastAppliedConfigurationAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Drops the last-applied configuration: no controller reads it, and a metadata view is never written back.</summary>
    public void TrimForCache() => Metadata.Annotations?.Remove(LastAppliedConfigurationAnnotation);
}
