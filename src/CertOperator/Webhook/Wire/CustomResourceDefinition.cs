using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Webhook.Wire;

/// <summary>
/// apiextensions.k8s.io/v1 CustomResourceDefinition, read only for group, kind, plural and scope: how an external
/// issuer's kind maps to the resource its signer names use.
/// </summary>
internal sealed class CustomResourceDefinition : IKubernetesObject<CustomResourceDefinition>
{
    public static ResourceType Resource { get; } = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    public static JsonTypeInfo<CustomResourceDefinition> JsonTypeInfo => WebhookJsonContext.Default.CustomResourceDefinition;

    public static JsonTypeInfo<KubernetesList<CustomResourceDefinition>> ListJsonTypeInfo => WebhookJsonContext.Default.KubernetesListCustomResourceDefinition;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    public CustomResourceDefinitionSpec Spec { get; set; } = new();
}

/// <summary>The CRD's group, names and scope.</summary>
internal sealed class CustomResourceDefinitionSpec
{
    public string Group { get; set; } = "";

    public CustomResourceDefinitionNames Names { get; set; } = new();

    /// <summary>Namespaced or Cluster.</summary>
    public string Scope { get; set; } = "";
}

/// <summary>The CRD's kind and plural resource name.</summary>
internal sealed class CustomResourceDefinitionNames
{
    public string Kind { get; set; } = "";

    public string Plural { get; set; } = "";
}
