using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Pod: KubernetesClient's model plus what our generic client needs.</summary>
public sealed record Pod : V1Pod, IKubernetesObject<Pod>
{
    public Pod()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<Pod> JsonTypeInfo => KubernetesJsonContext.Default.Pod;

    public static JsonTypeInfo<KubernetesList<Pod>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListPod;
}
