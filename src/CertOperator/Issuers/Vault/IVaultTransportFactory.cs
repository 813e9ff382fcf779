namespace CertOperator.Issuers.Vault;

/// <summary>Makes transports for a server, trusting <see cref="VaultTls"/>'s CA bundle and presenting its client certificate.</summary>
internal interface IVaultTransportFactory
{
    IVaultTransport Create(Uri server, VaultTls tls);
}
