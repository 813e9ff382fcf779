using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// The TLS side of an issuer: a PEM CA bundle to trust instead of the system roots, a client certificate for mutual
/// TLS, and the name to expect on Vault's certificate when it differs from the host in `server`.
/// </summary>
internal sealed record VaultTls(string? CaBundlePem, X509Certificate2? ClientCertificate, string? ServerName);
