using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Webhook;

/// <summary>The `response` of a <see cref="ChallengePayload"/>: success, or a Status saying why not.</summary>
internal sealed record ChallengeResponse
{
    [JsonPropertyName("uid")]
    public string? Uid { get; init; }

    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("status")]
    public ChallengeResponseStatus? Status { get; init; }
}
