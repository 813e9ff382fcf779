using System.Text.Json.Serialization;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Crds.Serialization;

/// <summary>Source-generated (de)serialisation for every cert-manager kind and its list, as the API server writes them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339DateTimeConverter), typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(Certificate))]
// V1ManagedFieldsEntry.FieldsV1 is an object holding a JsonElement once read.
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(KubernetesList<Certificate>))]
[JsonSerializable(typeof(CertificateRequest))]
[JsonSerializable(typeof(KubernetesList<CertificateRequest>))]
[JsonSerializable(typeof(Issuer))]
[JsonSerializable(typeof(KubernetesList<Issuer>))]
[JsonSerializable(typeof(ClusterIssuer))]
[JsonSerializable(typeof(KubernetesList<ClusterIssuer>))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(KubernetesList<Order>))]
[JsonSerializable(typeof(Challenge))]
[JsonSerializable(typeof(KubernetesList<Challenge>))]
public sealed partial class CertManagerJsonContext : JsonSerializerContext;
