using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Namespace (named KubeNamespace to stay clear of the `namespace` keyword; cluster-scoped; has a status subresource).</summary>
public sealed class KubeNamespace : IKubernetesObject<KubeNamespace>
{
    public static ResourceType Resource { get; } = new("", "v1", "Namespace", "namespaces", Namespaced: false);

    public static JsonTypeInfo<KubeNamespace> JsonTypeInfo => KubernetesJsonContext.Default.KubeNamespace;

    public static JsonTypeInfo<KubernetesList<KubeNamespace>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListKubeNamespace;

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Namespace";

    public ObjectMeta Metadata { get; set; } = new();

    public NamespaceStatus? Status { get; set; }
}
