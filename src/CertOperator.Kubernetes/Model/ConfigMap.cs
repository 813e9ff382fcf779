using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 ConfigMap.</summary>
public sealed class ConfigMap : IKubernetesObject<ConfigMap>
{
    public static ResourceType Resource { get; } = new("", "v1", "ConfigMap", "configmaps", Namespaced: true);

    public static JsonTypeInfo<ConfigMap> JsonTypeInfo => KubernetesJsonContext.Default.ConfigMap;

    public static JsonTypeInfo<KubernetesList<ConfigMap>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListConfigMap;

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "ConfigMap";

    public ObjectMeta Metadata { get; set; } = new();

    public Dictionary<string, string>? Data { get; set; }

    public Dictionary<string, byte[]>? BinaryData { get; set; }
}
