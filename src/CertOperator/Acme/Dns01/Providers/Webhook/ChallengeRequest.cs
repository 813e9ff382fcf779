using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Webhook;

/// <summary>The `request` of a <see cref="ChallengePayload"/>, field for field as cert-manager sends it.</summary>
internal sealed record ChallengeRequest
{
    public const string Present = "Present";
    public const string CleanUp = "CleanUp";

    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    [JsonPropertyName("action")]
    public required string Action { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "dns-01";

    [JsonPropertyName("dnsName")]
    public required string DnsName { get; init; }

    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("resourceNamespace")]
    public required string ResourceNamespace { get; init; }

    [JsonPropertyName("resolvedFQDN")]
    public required string ResolvedFqdn { get; init; }

    [JsonPropertyName("resolvedZone")]
    public required string ResolvedZone { get; init; }

    [JsonPropertyName("allowAmbientCredentials")]
    public bool AllowAmbientCredentials { get; init; }

    /// <summary>The solver's `webhook.config`, passed unchanged.</summary>
    [JsonPropertyName("config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Config { get; init; }
}
