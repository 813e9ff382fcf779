using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>coordination.k8s.io/v1 Lease, the lock leader election holds.</summary>
public sealed class Lease : IKubernetesObject<Lease>
{
    public static ResourceType Resource { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true);

    public static JsonTypeInfo<Lease> JsonTypeInfo => KubernetesJsonContext.Default.Lease;

    public static JsonTypeInfo<KubernetesList<Lease>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListLease;

    public string? ApiVersion { get; set; } = "coordination.k8s.io/v1";

    public string? Kind { get; set; } = "Lease";

    public ObjectMeta Metadata { get; set; } = new();

    public LeaseSpec Spec { get; set; } = new();
}
