using CertOperator.CertificateRequests;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Issuers;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// Signs a CertificateRequest through Vault with cert-manager's outcomes: a client that cannot be made (missing Secret,
/// refused login, Vault unreachable) leaves the request Pending and is retried with backoff; a refused or unreadable
/// signing fails the request, and the Certificate's own issuance backoff decides when to try again.
/// </summary>
internal sealed class VaultRequestSigner(IVaultKubernetes kube, IVaultTransportFactory transports, IssuerLookup lookup)
{
    public async Task<SigningOutcome> SignAsync(IIssuerObject issuer, string csrPem, TimeSpan duration, CancellationToken ct)
    {
        var body = VaultSignRequests.Build(csrPem, duration);
        if (!body.Ok)
        {
            return Failed(body.Error.Message);
        }

        VaultClient client;
        try
        {
            client = await VaultClient.ConnectAsync(issuer, lookup.SecretNamespace(issuer), kube, transports, ct);
        }
        catch (VaultException e)
        {
            var message = e.Failure == VaultFailure.SecretMissing ? "Required secret resource not found" : "Failed to initialise vault client for signing";
            return new(null, $"{message}: {e.Message}", null, Retry: true);
        }

        using (client)
        {
            try
            {
                return new(await client.SignAsync(issuer.Spec.Vault!.Path, body.Value, ct), null, null);
            }
            catch (VaultException e)
            {
                return Failed(e.Message);
            }
        }
    }

    private static SigningOutcome Failed(string why) => new(null, null, new PkiError("Failed", $"Vault failed to sign certificate: {why}"));
}
