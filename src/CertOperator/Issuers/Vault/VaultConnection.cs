namespace CertOperator.Issuers.Vault;

/// <summary>An issuer's Vault endpoint before login: where it is, how TLS is set up, and where its Secrets are read.</summary>
internal sealed record VaultConnection(Uri Server, VaultTls Tls, IVaultTransport Transport, VaultSecretReader Secrets);
