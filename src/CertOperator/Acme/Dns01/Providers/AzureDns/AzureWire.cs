using System.Text.Json.Serialization;

namespace CertOperator.Acme.Dns01.Providers.AzureDns;

/// <summary>
/// A TXT record set as Azure DNS returns it (public zones spell `TTL`/`TXTRecords`, private zones `ttl`/`txtRecords`;
/// reading is case-insensitive).
/// </summary>
internal sealed record AzureRecordSet
{
    public string? Etag { get; init; }

    public AzureRecordSetProperties? Properties { get; init; }
}

internal sealed record AzureRecordSetProperties
{
    [JsonPropertyName("TTL")]
    public long Ttl { get; init; }

    [JsonPropertyName("TXTRecords")]
    public List<AzureTxtRecord>? TxtRecords { get; init; }
}

internal sealed record AzureTxtRecord
{
    public List<string> Value { get; init; } = [];
}

/// <summary>An Azure Resource Manager error: `{"error": {"code", "message"}}` (some services put code and message at the top).</summary>
internal sealed record AzureErrorBody
{
    public AzureError? Error { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }
}

internal sealed record AzureError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

/// <summary>A Microsoft identity platform or IMDS token response.</summary>
internal sealed record AzureToken
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => "AzureToken { }";
}

/// <summary>A Microsoft identity platform error body.</summary>
internal sealed record AzureOAuthError
{
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? Description { get; init; }
}
