using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// core/v1 Pod, as a slim view: metadata and the spec as JSON; the status is not read. The operator creates HTTP-01
/// solver Pods from JSON it builds and finds or deletes them by label. KubernetesClient's <see cref="V1Pod"/> would
/// bring its whole spec and status type tree (containers, volumes, probes, affinity, …) with their source-generated
/// JSON: 2.9 MB of the Native AOT binary, most of it resident (docs/benchmarks.md, *Where the memory goes*).
/// </summary>
public sealed class Pod : IKubernetesObject<Pod>
{
    public static ResourceType Resource { get; } = new(V1Pod.KubeGroup, V1Pod.KubeApiVersion, V1Pod.KubeKind, V1Pod.KubePluralName, Namespaced: true);

    public static JsonTypeInfo<Pod> JsonTypeInfo => KubernetesJsonContext.Default.Pod;

    public static JsonTypeInfo<KubernetesList<Pod>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListPod;

    public string? ApiVersion { get; set; } = V1Pod.KubeApiVersion;

    public string? Kind { get; set; } = V1Pod.KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The PodSpec as JSON, as written; cert-manager's field names.</summary>
    public JsonObject? Spec { get; set; }
}
