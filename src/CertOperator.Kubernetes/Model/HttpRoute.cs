using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// gateway.networking.k8s.io/v1 HTTPRoute, as a slim view: parent references, hostnames and rules with path
/// matches and backends. Fields it does not model are not kept, so change an existing one with a patch, never a PUT.
/// </summary>
public sealed class HttpRoute : IKubernetesObject<HttpRoute>
{
    public static ResourceType Resource { get; } = new("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", Namespaced: true);

    public static JsonTypeInfo<HttpRoute> JsonTypeInfo => KubernetesJsonContext.Default.HttpRoute;

    public static JsonTypeInfo<KubernetesList<HttpRoute>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListHttpRoute;

    public string? ApiVersion { get; set; } = "gateway.networking.k8s.io/v1";

    public string? Kind { get; set; } = "HTTPRoute";

    public V1ObjectMeta Metadata { get; set; } = new();

    public HttpRouteSpec Spec { get; set; } = new();
}
