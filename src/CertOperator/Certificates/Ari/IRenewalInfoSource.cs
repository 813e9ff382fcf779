using CertOperator.Acme.Model;
using CertOperator.Crds.Issuers;

namespace CertOperator.Certificates.Ari;

/// <summary>Asks an ACME issuer's server for renewal information (RFC 9773 §4.3).</summary>
internal interface IRenewalInfoSource
{
    Task<RenewalInfoAnswer> GetAsync(IIssuerObject issuer, string certificateId, CancellationToken ct);
}

/// <summary>What the server said: a window, an error (and when to ask again), or neither when its directory offers no renewalInfo.</summary>
internal sealed record RenewalInfoAnswer(AcmeRenewalInfo? Info, string? Error, DateTimeOffset? RetryAfter = null)
{
    public static RenewalInfoAnswer Unsupported { get; } = new(null, null);

    public bool IsUnsupported => Info is null && Error is null;
}
