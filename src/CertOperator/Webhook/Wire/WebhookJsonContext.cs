using System.Text.Json.Serialization;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Webhook.Wire;

/// <summary>Source-generated JSON for the admission webhook's wire types, in Kubernetes casing.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339DateTimeConverter), typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
// V1ManagedFieldsEntry.FieldsV1 is an object holding a JsonElement once read.
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(CustomResourceDefinition))]
[JsonSerializable(typeof(KubernetesList<CustomResourceDefinition>))]
[JsonSerializable(typeof(SubjectAccessReview))]
[JsonSerializable(typeof(KubernetesList<SubjectAccessReview>))]
[JsonSerializable(typeof(ValidatingWebhookConfiguration))]
[JsonSerializable(typeof(KubernetesList<ValidatingWebhookConfiguration>))]
[JsonSerializable(typeof(MutatingWebhookConfiguration))]
[JsonSerializable(typeof(KubernetesList<MutatingWebhookConfiguration>))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
