using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 IngressClass (cluster-scoped).</summary>
public sealed record IngressClass : V1IngressClass, IKubernetesObject<IngressClass>
{
    public IngressClass()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
        Spec = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: false);

    public static JsonTypeInfo<IngressClass> JsonTypeInfo => KubernetesJsonContext.Default.IngressClass;

    public static JsonTypeInfo<KubernetesList<IngressClass>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListIngressClass;
}
