using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>apiregistration.k8s.io/v1 APIService, as a slim view: metadata and spec.caBundle. Write to it with patches only.</summary>
public sealed class ApiService : IKubernetesObject<ApiService>
{
    public static ResourceType Resource { get; } = new("apiregistration.k8s.io", "v1", "APIService", "apiservices", Namespaced: false);

    public static JsonTypeInfo<ApiService> JsonTypeInfo => KubernetesJsonContext.Default.ApiService;

    public static JsonTypeInfo<KubernetesList<ApiService>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListApiService;

    public string? ApiVersion { get; set; } = "apiregistration.k8s.io/v1";

    public string? Kind { get; set; } = "APIService";

    public V1ObjectMeta Metadata { get; set; } = new();

    public ApiServiceSpec Spec { get; set; } = new();
}
