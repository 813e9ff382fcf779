using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// gateway.networking.k8s.io/v1 Gateway, as a slim view: metadata and the listeners' names, hostnames, protocols
/// and TLS settings. Read-only for us; write to it with patches only.
/// </summary>
public sealed class Gateway : IKubernetesObject<Gateway>
{
    public static ResourceType Resource { get; } = new("gateway.networking.k8s.io", "v1", "Gateway", "gateways", Namespaced: true);

    public static JsonTypeInfo<Gateway> JsonTypeInfo => KubernetesJsonContext.Default.Gateway;

    public static JsonTypeInfo<KubernetesList<Gateway>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListGateway;

    public string? ApiVersion { get; set; } = "gateway.networking.k8s.io/v1";

    public string? Kind { get; set; } = "Gateway";

    public V1ObjectMeta Metadata { get; set; } = new();

    public GatewaySpec Spec { get; set; } = new();
}
