using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>Every Cloudflare v4 answer: `success`, `errors`, and the call's `result` with `result_info` for lists.</summary>
internal sealed record CloudflareEnvelope
{
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<CloudflareError>? Errors { get; init; }

    [JsonPropertyName("result")]
    public JsonElement Result { get; init; }

    [JsonPropertyName("result_info")]
    public CloudflareResultInfo? ResultInfo { get; init; }
}
