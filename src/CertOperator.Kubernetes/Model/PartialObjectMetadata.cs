using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// meta.k8s.io/v1 PartialObjectMetadata: an object with only its metadata, which the server
/// returns for `Accept: application/json;as=PartialObjectMetadata…` so caches skip payloads.
/// </summary>
public sealed class PartialObjectMetadata : IKubernetesObject
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();
}
