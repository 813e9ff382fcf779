using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Webhook;

/// <summary>cert-manager's `acme.cert-manager.io`-style `ChallengePayload` (webhook API v1alpha1): our request, the solver's response.</summary>
internal sealed record ChallengePayload
{
    [JsonPropertyName("apiVersion")]
    public required string ApiVersion { get; init; }

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "ChallengePayload";

    [JsonPropertyName("request")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChallengeRequest? Request { get; init; }

    [JsonPropertyName("response")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChallengeResponse? Response { get; init; }
}
