using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration, as a slim view: metadata and each webhook's name and
/// caBundle. Write to it with patches only; a PUT of this view would drop the fields it does not hold.
/// </summary>
public sealed class ValidatingWebhookConfiguration : IKubernetesObject<ValidatingWebhookConfiguration>
{
    public static ResourceType Resource { get; } = new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced: false);

    public static JsonTypeInfo<ValidatingWebhookConfiguration> JsonTypeInfo => KubernetesJsonContext.Default.ValidatingWebhookConfiguration;

    public static JsonTypeInfo<KubernetesList<ValidatingWebhookConfiguration>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListValidatingWebhookConfiguration;

    public string? ApiVersion { get; set; } = "admissionregistration.k8s.io/v1";

    public string? Kind { get; set; } = "ValidatingWebhookConfiguration";

    public V1ObjectMeta Metadata { get; set; } = new();

    public List<AdmissionWebhook>? Webhooks { get; set; }
}
