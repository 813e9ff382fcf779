using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Webhook;

/// <summary>The metav1.Status fields of a failed <see cref="ChallengeResponse"/> we show.</summary>
internal sealed record ChallengeResponseStatus
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
