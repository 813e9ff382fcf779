namespace CertOperator.Issuers.Vault;

/// <summary>One HTTP exchange with Vault: a path under the server address, an optional JSON body and token.</summary>
internal sealed record VaultCall(HttpMethod Method, string Path, byte[]? Body = null, string? Token = null, string? Namespace = null);

/// <summary>Vault's answer: status code and body text.</summary>
internal sealed record VaultReply(int Status, string Body)
{
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>The HTTP edge of the Vault client; one per issuer configuration and TLS identity.</summary>
internal interface IVaultTransport : IDisposable
{
    /// <summary>Sends the call; throws <see cref="VaultException"/> when no answer came (DNS, TLS, connection, timeout).</summary>
    Task<VaultReply> SendAsync(VaultCall call, CancellationToken ct);
}

/// <summary>Makes transports for a server, trusting <see cref="VaultTls"/>'s CA bundle and presenting its client certificate.</summary>
internal interface IVaultTransportFactory
{
    IVaultTransport Create(Uri server, VaultTls tls);
}
