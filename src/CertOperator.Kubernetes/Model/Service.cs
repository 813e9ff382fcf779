using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Service: the fields a controller sets (type, selector, ports).</summary>
public sealed class Service : IKubernetesObject<Service>
{
    public static ResourceType Resource { get; } = new("", "v1", "Service", "services", Namespaced: true);

    public static JsonTypeInfo<Service> JsonTypeInfo => KubernetesJsonContext.Default.Service;

    public static JsonTypeInfo<KubernetesList<Service>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListService;

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Service";

    public ObjectMeta Metadata { get; set; } = new();

    public ServiceSpec Spec { get; set; } = new();
}
