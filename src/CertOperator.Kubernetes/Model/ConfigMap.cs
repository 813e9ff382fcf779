using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 ConfigMap: KubernetesClient's model plus what our generic client needs.</summary>
public sealed record ConfigMap : V1ConfigMap, IKubernetesObject<ConfigMap>
{
    public ConfigMap()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<ConfigMap> JsonTypeInfo => KubernetesJsonContext.Default.ConfigMap;

    public static JsonTypeInfo<KubernetesList<ConfigMap>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListConfigMap;
}
