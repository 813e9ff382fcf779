using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GoogleServiceAccountKey))]
[JsonSerializable(typeof(GoogleAccessToken))]
[JsonSerializable(typeof(ManagedZonesPage))]
[JsonSerializable(typeof(ResourceRecordSetsPage))]
[JsonSerializable(typeof(DnsChange))]
[JsonSerializable(typeof(GoogleErrorBody))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(JwtHeader))]
[JsonSerializable(typeof(JwtClaims))]
internal sealed partial class CloudDnsJsonContext : JsonSerializerContext;
