using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Namespace (named KubeNamespace to stay clear of the `namespace` keyword; cluster-scoped; has a status subresource).</summary>
public sealed record KubeNamespace : V1Namespace, IKubernetesObject<KubeNamespace>
{
    public KubeNamespace()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: false);

    public static JsonTypeInfo<KubeNamespace> JsonTypeInfo => KubernetesJsonContext.Default.KubeNamespace;

    public static JsonTypeInfo<KubernetesList<KubeNamespace>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListKubeNamespace;
}
