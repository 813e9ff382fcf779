using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Webhook;

[JsonSerializable(typeof(ChallengePayload))]
internal sealed partial class WebhookSolverJsonContext : JsonSerializerContext;
