using System.Text.Json.Serialization;

namespace CertOperator.Acme.Model;

/// <summary>The ACME directory (RFC 8555 §7.1.1, RFC 9773 renewalInfo).</summary>
public sealed record AcmeDirectory
{
    public required Uri NewNonce { get; init; }

    public required Uri NewAccount { get; init; }

    public required Uri NewOrder { get; init; }

    public Uri? RevokeCert { get; init; }

    public Uri? KeyChange { get; init; }

    public Uri? RenewalInfo { get; init; }

    public AcmeDirectoryMeta? Meta { get; init; }
}

public sealed record AcmeDirectoryMeta
{
    public Uri? TermsOfService { get; init; }

    public Uri? Website { get; init; }

    public IReadOnlyList<string>? CaaIdentities { get; init; }

    public bool? ExternalAccountRequired { get; init; }

    /// <summary>Profile names and descriptions a CA offers for newOrder's "profile".</summary>
    [JsonPropertyName("profiles")]
    public IReadOnlyDictionary<string, string>? Profiles { get; init; }
}
