using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Service: KubernetesClient's model plus what our generic client needs.</summary>
public sealed record Service : V1Service, IKubernetesObject<Service>
{
    public Service()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
        Spec = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<Service> JsonTypeInfo => KubernetesJsonContext.Default.Service;

    public static JsonTypeInfo<KubernetesList<Service>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListService;
}
