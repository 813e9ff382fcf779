using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.AzureDns;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AzureRecordSet))]
[JsonSerializable(typeof(AzureErrorBody))]
[JsonSerializable(typeof(AzureToken))]
[JsonSerializable(typeof(AzureOAuthError))]
internal sealed partial class AzureJsonContext : JsonSerializerContext;
