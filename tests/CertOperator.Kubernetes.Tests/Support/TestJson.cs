using System.Text.Json.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Tests.Support;

/// <summary>Serialises cached objects back to JSON so tests can assert what they hold.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<PartialObjectMetadata>))]
internal sealed partial class TestJson : JsonSerializerContext;
