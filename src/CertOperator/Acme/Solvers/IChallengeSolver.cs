using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;

namespace CertOperator.Acme.Solvers;

/// <summary>Presents, checks and removes one challenge response (HTTP-01 or DNS-01).</summary>
internal interface IChallengeSolver
{
    Task PresentAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct);

    /// <summary>Null when the response is visible as the ACME server will see it; otherwise why not yet.</summary>
    Task<string?> CheckAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct);

    Task CleanUpAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct);
}
