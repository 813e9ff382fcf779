using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Issuers.Vault;

/// <summary>Builds a handler per issuer configuration: CA bundle as the only trust, client certificate, expected server name.</summary>
internal sealed class VaultHttpTransportFactory : IVaultTransportFactory
{
    public IVaultTransport Create(Uri server, VaultTls tls)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrEmpty(tls.CaBundlePem))
        {
            // A chain policy rather than a callback, so .NET checks the name itself and says what failed.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.ImportFromPem(tls.CaBundlePem);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        if (tls.ClientCertificate is { } client)
        {
            handler.SslOptions.ClientCertificates = [client];
        }

        if (!string.IsNullOrEmpty(tls.ServerName))
        {
            handler.SslOptions.TargetHost = tls.ServerName;
        }

        return new VaultHttpTransport(new HttpClient(handler) { Timeout = VaultHttpTransport.Timeout }, server);
    }
}
