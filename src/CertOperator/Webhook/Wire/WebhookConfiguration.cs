using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Webhook.Wire;

/// <summary>
/// admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration, read only for each webhook's name and caBundle
/// (the caBundle is then written with a JSON patch, so the fields this type leaves out are never lost).
/// </summary>
internal sealed class ValidatingWebhookConfiguration : IKubernetesObject<ValidatingWebhookConfiguration>
{
    public static ResourceType Resource { get; } =
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced: false);

    public static JsonTypeInfo<ValidatingWebhookConfiguration> JsonTypeInfo => WebhookJsonContext.Default.ValidatingWebhookConfiguration;

    public static JsonTypeInfo<KubernetesList<ValidatingWebhookConfiguration>> ListJsonTypeInfo =>
        WebhookJsonContext.Default.KubernetesListValidatingWebhookConfiguration;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    public List<WebhookEntry>? Webhooks { get; set; }
}

/// <summary>admissionregistration.k8s.io/v1 MutatingWebhookConfiguration, read as <see cref="ValidatingWebhookConfiguration"/> is.</summary>
internal sealed class MutatingWebhookConfiguration : IKubernetesObject<MutatingWebhookConfiguration>
{
    public static ResourceType Resource { get; } =
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", Namespaced: false);

    public static JsonTypeInfo<MutatingWebhookConfiguration> JsonTypeInfo => WebhookJsonContext.Default.MutatingWebhookConfiguration;

    public static JsonTypeInfo<KubernetesList<MutatingWebhookConfiguration>> ListJsonTypeInfo =>
        WebhookJsonContext.Default.KubernetesListMutatingWebhookConfiguration;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    public List<WebhookEntry>? Webhooks { get; set; }
}
