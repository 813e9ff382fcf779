using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 IngressClass (cluster-scoped).</summary>
public sealed class IngressClass : IKubernetesObject<IngressClass>
{
    public static ResourceType Resource { get; } = new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", Namespaced: false);

    public static JsonTypeInfo<IngressClass> JsonTypeInfo => KubernetesJsonContext.Default.IngressClass;

    public static JsonTypeInfo<KubernetesList<IngressClass>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListIngressClass;

    public string? ApiVersion { get; set; } = "networking.k8s.io/v1";

    public string? Kind { get; set; } = "IngressClass";

    public ObjectMeta Metadata { get; set; } = new();

    public IngressClassSpec Spec { get; set; } = new();
}
