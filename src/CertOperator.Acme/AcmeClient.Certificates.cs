using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Acme.Ari;
using CertOperator.Acme.Http;
using CertOperator.Acme.Model;
using CertOperator.Acme.Wire;

namespace CertOperator.Acme;

internal sealed partial class AcmeClient
{
    private const string PemChain = "application/pem-certificate-chain";

    public async Task<AcmeCertificateChain> DownloadCertificateAsync(Uri certificateUrl, string? preferredChainIssuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificateUrl);
        AcmeActions.Current = AcmeActions.FetchCert;
        var chain = await FetchChainAsync(certificateUrl, cancellationToken).ConfigureAwait(false);
        if (preferredChainIssuer is null || chain.TopIssuerCommonName() == preferredChainIssuer)
        {
            return chain;
        }

        foreach (var alternate in chain.AlternateChains)
        {
            var candidate = await FetchChainAsync(alternate, cancellationToken).ConfigureAwait(false);
            if (candidate.TopIssuerCommonName() == preferredChainIssuer)
            {
                return candidate;
            }
        }

        // cert-manager semantics: a preference that no chain satisfies falls back to the default chain.
        return chain;
    }

    public async Task RevokeCertificateAsync(ReadOnlyMemory<byte> certificateDer, RevocationReason? reason, CancellationToken cancellationToken)
    {
        AcmeActions.Current = AcmeActions.RevokeCert;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var revokeUrl = directory.RevokeCert ?? throw new NotSupportedException("The ACME server offers no revokeCert endpoint.");
        var payload = new RevokePayload { Certificate = Base64Url.EncodeToString(certificateDer.Span), Reason = (int?)reason };
        await PostAsync(revokeUrl, payload, AcmeJsonContext.Default.RevokePayload, cancellationToken).ConfigureAwait(false);
    }

    public Task<AcmeRenewalInfo?> GetRenewalInfoAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return GetRenewalInfoAsync(AriCertificateId.For(certificate), cancellationToken);
    }

    public async Task<AcmeRenewalInfo?> GetRenewalInfoAsync(string certificateId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificateId);
        AcmeActions.Current = AcmeActions.GetRenewalInfo;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (directory.RenewalInfo is not { } baseUrl)
        {
            return null;
        }

        var separator = baseUrl.AbsoluteUri.EndsWith('/') ? string.Empty : "/";
        var url = new Uri(baseUrl.AbsoluteUri + separator + certificateId);
        var response = await _transport.GetAsync(url, JsonLimit, cancellationToken).ConfigureAwait(false);
        return Read(response, AcmeJsonContext.Default.AcmeRenewalInfo) with { RetryAfter = response.RetryAfter };
    }

    private async Task<AcmeCertificateChain> FetchChainAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await PostAsGetAsync(url, PemChain, ChainLimit, cancellationToken).ConfigureAwait(false);
        return new AcmeCertificateChain
        {
            Pem = Encoding.UTF8.GetString(response.Body),
            AlternateChains = [.. response.Links.Where(l => l.Relation == "alternate").Select(l => l.Target)],
        };
    }
}
