using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>coordination.k8s.io/v1 Lease, the lock leader election holds; its times are metav1.MicroTime.</summary>
public sealed record Lease : V1Lease, IKubernetesObject<Lease>
{
    public Lease()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
        Spec = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<Lease> JsonTypeInfo => KubernetesJsonContext.Default.Lease;

    public static JsonTypeInfo<KubernetesList<Lease>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListLease;
}
