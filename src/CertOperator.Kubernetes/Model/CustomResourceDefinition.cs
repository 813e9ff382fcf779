using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// apiextensions.k8s.io/v1 CustomResourceDefinition, as a slim view: metadata and spec.conversion. Schemas are not
/// read, so a cache of every CRD in a cluster stays small. Write to it with patches only.
/// </summary>
public sealed class CustomResourceDefinition : IKubernetesObject<CustomResourceDefinition>
{
    public static ResourceType Resource { get; } = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    public static JsonTypeInfo<CustomResourceDefinition> JsonTypeInfo => KubernetesJsonContext.Default.CustomResourceDefinition;

    public static JsonTypeInfo<KubernetesList<CustomResourceDefinition>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListCustomResourceDefinition;

    public string? ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    public string? Kind { get; set; } = "CustomResourceDefinition";

    public V1ObjectMeta Metadata { get; set; } = new();

    public CustomResourceDefinitionSpec Spec { get; set; } = new();
}
