using System.Text.Json.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Serialization;

/// <summary>The library's one source-generated JSON context: Kubernetes casing, nulls omitted, metav1.Time and MicroTime dates.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    Converters = [typeof(Rfc3339DateTimeConverter), typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(k8s.Models.V1Status))]
// V1ManagedFieldsEntry.FieldsV1 is an object holding a JsonElement once read.
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(PartialObjectMetadata))]
[JsonSerializable(typeof(KubernetesList<PartialObjectMetadata>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubernetesList<Secret>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(KubernetesList<ConfigMap>))]
[JsonSerializable(typeof(KubeNamespace))]
[JsonSerializable(typeof(KubernetesList<KubeNamespace>))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(KubernetesList<Pod>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubernetesList<Service>))]
[JsonSerializable(typeof(Ingress))]
[JsonSerializable(typeof(KubernetesList<Ingress>))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(KubernetesList<Gateway>))]
[JsonSerializable(typeof(HttpRoute))]
[JsonSerializable(typeof(KubernetesList<HttpRoute>))]
[JsonSerializable(typeof(IngressClass))]
[JsonSerializable(typeof(KubernetesList<IngressClass>))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(KubernetesList<Lease>))]
[JsonSerializable(typeof(KubeEvent))]
[JsonSerializable(typeof(KubernetesList<KubeEvent>))]
[JsonSerializable(typeof(ValidatingWebhookConfiguration))]
[JsonSerializable(typeof(KubernetesList<ValidatingWebhookConfiguration>))]
[JsonSerializable(typeof(MutatingWebhookConfiguration))]
[JsonSerializable(typeof(KubernetesList<MutatingWebhookConfiguration>))]
[JsonSerializable(typeof(CustomResourceDefinition))]
[JsonSerializable(typeof(KubernetesList<CustomResourceDefinition>))]
[JsonSerializable(typeof(ApiService))]
[JsonSerializable(typeof(KubernetesList<ApiService>))]
[JsonSerializable(typeof(List<Client.JsonPatchOperation>))]
[JsonSerializable(typeof(Client.DeleteOptions))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
