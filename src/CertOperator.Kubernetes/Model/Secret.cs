using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Secret: KubernetesClient's model plus what our generic client needs. Data values are raw bytes (base64 on the wire).</summary>
public sealed record Secret : V1Secret, IKubernetesObject<Secret>
{
    public Secret()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<Secret> JsonTypeInfo => KubernetesJsonContext.Default.Secret;

    public static JsonTypeInfo<KubernetesList<Secret>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListSecret;
}
