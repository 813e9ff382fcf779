using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Model;

namespace CertOperator.Acme;

/// <summary>
/// The ACME operations the operator needs, narrow enough to fake in tests. One instance speaks for
/// one account key against one directory and is safe to use concurrently.
/// </summary>
public interface IAcmeClient : IDisposable
{
    /// <summary>The account URL (JWS "kid") once known from options, ensure or lookup.</summary>
    Uri? AccountUrl { get; }

    Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken);

    /// <summary>Registers the account key, or returns the existing account for it (RFC 8555 §7.3).</summary>
    Task<AcmeAccount> EnsureAccountAsync(AcmeAccountRequest request, CancellationToken cancellationToken);

    /// <summary>Finds the account for the key without creating one (onlyReturnExisting); null when none exists.</summary>
    Task<AcmeAccount?> LookupAccountAsync(CancellationToken cancellationToken);

    Task<AcmeAccount> UpdateContactAsync(IReadOnlyList<string> contact, CancellationToken cancellationToken);

    /// <summary>
    /// Rolls the account over to <paramref name="newKey"/> (RFC 8555 §7.3.5); later requests sign with it.
    /// The caller keeps owning (and disposing) both keys and must persist the new one.
    /// </summary>
    Task ChangeKeyAsync(AcmeAccountKey newKey, CancellationToken cancellationToken);

    Task<AcmeOrder> CreateOrderAsync(AcmeOrderRequest request, CancellationToken cancellationToken);

    Task<AcmeOrder> GetOrderAsync(Uri orderUrl, CancellationToken cancellationToken);

    Task<AcmeAuthorization> GetAuthorizationAsync(Uri authorizationUrl, CancellationToken cancellationToken);

    /// <summary>Tells the server the challenge response is in place (RFC 8555 §7.5.1).</summary>
    Task<AcmeChallenge> AcceptChallengeAsync(Uri challengeUrl, CancellationToken cancellationToken);

    /// <summary>Submits the DER CSR of a ready order (RFC 8555 §7.4).</summary>
    Task<AcmeOrder> FinalizeAsync(AcmeOrder order, ReadOnlyMemory<byte> csrDer, CancellationToken cancellationToken);

    /// <summary>
    /// Downloads the certificate chain; with <paramref name="preferredChainIssuer"/>, returns the first
    /// chain (default, then alternates) whose top certificate's issuer CN matches, else the default.
    /// </summary>
    Task<AcmeCertificateChain> DownloadCertificateAsync(Uri certificateUrl, string? preferredChainIssuer, CancellationToken cancellationToken);

    Task RevokeCertificateAsync(ReadOnlyMemory<byte> certificateDer, RevocationReason? reason, CancellationToken cancellationToken);

    /// <summary>ARI suggested renewal window (RFC 9773); null when the server has no renewalInfo endpoint.</summary>
    Task<AcmeRenewalInfo?> GetRenewalInfoAsync(X509Certificate2 certificate, CancellationToken cancellationToken);

    /// <summary>ARI suggested renewal window for the certificate whose RFC 9773 §4.1 identifier is <paramref name="certificateId"/>; null when the server has no renewalInfo endpoint.</summary>
    Task<AcmeRenewalInfo?> GetRenewalInfoAsync(string certificateId, CancellationToken cancellationToken);

    /// <summary>The http-01 key authorization for <paramref name="token"/> under the current account key.</summary>
    string KeyAuthorization(string token);

    /// <summary>The dns-01 TXT value for <paramref name="token"/> under the current account key.</summary>
    string Dns01TxtValue(string token);
}
