using CertOperator.Acme;
using CertOperator.Acme.Accounts;
using CertOperator.Crds.Issuers;

namespace CertOperator.Certificates.Ari;

/// <summary>Renewal information through the issuer's cached ACME client: one GET, the directory coming from the client's cache.</summary>
internal sealed class AcmeRenewalInfoSource(AcmeClientCache clients) : IRenewalInfoSource
{
    public async Task<RenewalInfoAnswer> GetAsync(IIssuerObject issuer, string certificateId, CancellationToken ct)
    {
        var account = await clients.GetForReadsAsync(issuer, ct);
        if (account.Client is not { } client)
        {
            return new RenewalInfoAnswer(null, account.ProblemMessage);
        }

        try
        {
            return await client.GetRenewalInfoAsync(certificateId, ct) is { } info ? new RenewalInfoAnswer(info, null) : RenewalInfoAnswer.Unsupported;
        }
        catch (Exception e) when (AcmeServerFailure.Covers(e))
        {
            return new RenewalInfoAnswer(null, AcmeServerFailure.Describe(e, issuer.Spec.Acme!.Server), (e as AcmeProblemException)?.RetryAfter);
        }
    }
}
