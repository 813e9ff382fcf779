using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Pod. The spec stays untyped JSON until a caller needs typed fields; status is typed.</summary>
public sealed class Pod : IKubernetesObject<Pod>
{
    public static ResourceType Resource { get; } = new("", "v1", "Pod", "pods", Namespaced: true);

    public static JsonTypeInfo<Pod> JsonTypeInfo => KubernetesJsonContext.Default.Pod;

    public static JsonTypeInfo<KubernetesList<Pod>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListPod;

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Pod";

    public ObjectMeta Metadata { get; set; } = new();

    public JsonObject? Spec { get; set; }

    public PodStatus? Status { get; set; }
}
