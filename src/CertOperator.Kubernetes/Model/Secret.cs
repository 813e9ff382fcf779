using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Secret. Data values are raw bytes (base64 on the wire).</summary>
public sealed class Secret : IKubernetesObject<Secret>
{
    public static ResourceType Resource { get; } = new("", "v1", "Secret", "secrets", Namespaced: true);

    public static JsonTypeInfo<Secret> JsonTypeInfo => KubernetesJsonContext.Default.Secret;

    public static JsonTypeInfo<KubernetesList<Secret>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListSecret;

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Secret";

    public ObjectMeta Metadata { get; set; } = new();

    public string? Type { get; set; }

    public Dictionary<string, byte[]>? Data { get; set; }

    public Dictionary<string, string>? StringData { get; set; }

    public bool? Immutable { get; set; }
}
