using CertOperator.Crds.Issuers;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// An issuer's Vault set-up check, as cert-manager's: a client is made and logged in, then `sys/health` must say
/// initialized and unsealed. Reasons are cert-manager's (VaultVerified, VaultError).
/// </summary>
internal sealed class VaultIssuerCheck(IVaultKubernetes kube, IVaultTransportFactory transports, IssuerLookup lookup)
{
    public const string Verified = "VaultVerified";
    public const string Error = "VaultError";

    public async Task<IssuerReadiness> CheckAsync(IIssuerObject issuer, CancellationToken ct)
    {
        VaultClient client;
        try
        {
            client = await VaultClient.ConnectAsync(issuer, lookup.SecretNamespace(issuer), kube, transports, ct);
        }
        catch (VaultException e)
        {
            return new(false, Error, $"Failed to initialize Vault client: {e.Message}");
        }

        using (client)
        {
            try
            {
                return await client.HealthProblemAsync(ct) is { } problem
                    ? new(false, Error, $"Failed to verify Vault is initialized and unsealed: {problem}")
                    : new(true, Verified, "Vault verified");
            }
            catch (VaultException e)
            {
                return new(false, Error, $"Failed to verify Vault is initialized and unsealed: {e.Message}");
            }
        }
    }
}
