using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Akamai;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EdgeDnsRecordSet))]
[JsonSerializable(typeof(EdgeDnsProblem))]
internal sealed partial class AkamaiJsonContext : JsonSerializerContext;
