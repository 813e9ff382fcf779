using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 Ingress: HTTP routes from host and path to Services.</summary>
public sealed record Ingress : V1Ingress, IKubernetesObject<Ingress>
{
    public Ingress()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
        Spec = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<Ingress> JsonTypeInfo => KubernetesJsonContext.Default.Ingress;

    public static JsonTypeInfo<KubernetesList<Ingress>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListIngress;
}
