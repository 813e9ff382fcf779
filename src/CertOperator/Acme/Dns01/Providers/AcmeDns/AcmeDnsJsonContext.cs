using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.AcmeDns;

[JsonSerializable(typeof(Dictionary<string, AcmeDnsAccount>))]
[JsonSerializable(typeof(AcmeDnsUpdate))]
[JsonSerializable(typeof(AcmeDnsError))]
internal sealed partial class AcmeDnsJsonContext : JsonSerializerContext;
