using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 Ingress: HTTP routes from host and path to Services.</summary>
public sealed class Ingress : IKubernetesObject<Ingress>
{
    public static ResourceType Resource { get; } = new("networking.k8s.io", "v1", "Ingress", "ingresses", Namespaced: true);

    public static JsonTypeInfo<Ingress> JsonTypeInfo => KubernetesJsonContext.Default.Ingress;

    public static JsonTypeInfo<KubernetesList<Ingress>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListIngress;

    public string? ApiVersion { get; set; } = "networking.k8s.io/v1";

    public string? Kind { get; set; } = "Ingress";

    public ObjectMeta Metadata { get; set; } = new();

    public IngressSpec Spec { get; set; } = new();
}
