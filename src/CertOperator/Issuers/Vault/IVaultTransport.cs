namespace CertOperator.Issuers.Vault;

/// <summary>The HTTP edge of the Vault client; one per issuer configuration and TLS identity.</summary>
internal interface IVaultTransport : IDisposable
{
    /// <summary>Sends the call; throws <see cref="VaultException"/> when no answer came (DNS, TLS, connection, timeout).</summary>
    Task<VaultReply> SendAsync(VaultCall call, CancellationToken ct);
}
