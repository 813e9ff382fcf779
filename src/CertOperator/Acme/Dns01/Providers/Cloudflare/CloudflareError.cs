using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>One entry of a Cloudflare answer's `errors`, with the causes it wraps.</summary>
internal sealed record CloudflareError
{
    /// <summary>"An identical record already exists": a present that raced another is still a success.</summary>
    public const int IdenticalRecordExists = 81058;

    [JsonPropertyName("code")]
    public int Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("error_chain")]
    public IReadOnlyList<CloudflareError>? ErrorChain { get; init; }

    public override string ToString() =>
        ErrorChain is { Count: > 0 } chain ? $"{Code}: {Message} <- {string.Join(" <- ", chain)}" : $"{Code}: {Message}";
}
