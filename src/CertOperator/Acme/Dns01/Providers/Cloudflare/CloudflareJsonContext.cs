using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

[JsonSerializable(typeof(CloudflareEnvelope))]
[JsonSerializable(typeof(CloudflareRecord))]
[JsonSerializable(typeof(List<CloudflareRecord>))]
[JsonSerializable(typeof(List<CloudflareZone>))]
internal sealed partial class CloudflareJsonContext : JsonSerializerContext;
