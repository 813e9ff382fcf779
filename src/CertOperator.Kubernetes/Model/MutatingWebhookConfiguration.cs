using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// admissionregistration.k8s.io/v1 MutatingWebhookConfiguration, as a slim view: metadata and each webhook's name and
/// caBundle. Write to it with patches only; a PUT of this view would drop the fields it does not hold.
/// </summary>
public sealed class MutatingWebhookConfiguration : IKubernetesObject<MutatingWebhookConfiguration>
{
    public static ResourceType Resource { get; } = new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", Namespaced: false);

    public static JsonTypeInfo<MutatingWebhookConfiguration> JsonTypeInfo => KubernetesJsonContext.Default.MutatingWebhookConfiguration;

    public static JsonTypeInfo<KubernetesList<MutatingWebhookConfiguration>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListMutatingWebhookConfiguration;

    public string? ApiVersion { get; set; } = "admissionregistration.k8s.io/v1";

    public string? Kind { get; set; } = "MutatingWebhookConfiguration";

    public V1ObjectMeta Metadata { get; set; } = new();

    public List<AdmissionWebhook>? Webhooks { get; set; }
}
