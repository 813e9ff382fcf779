using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.DigitalOcean;

[JsonSerializable(typeof(DigitalOceanRecord))]
[JsonSerializable(typeof(DigitalOceanRecordList))]
[JsonSerializable(typeof(DigitalOceanError))]
internal sealed partial class DigitalOceanJsonContext : JsonSerializerContext;
