using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Acme.Accounts;

/// <summary>HTTP handlers that trust what an ACME issuer says to trust: the system store, spec.acme.caBundle, or nothing (skipTLSVerify).</summary>
internal static class AcmeHttpHandlers
{
    [SuppressMessage("Security", "CA5359:Do Not Disable Certificate Validation", Justification = "Only when the issuer sets spec.acme.skipTLSVerify, which cert-manager users use for test CAs.")]
    public static SocketsHttpHandler Create(string? caBundleBase64, bool skipTlsVerify)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (skipTlsVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (!string.IsNullOrEmpty(caBundleBase64))
        {
            // A chain policy rather than a validation callback: .NET then validates the name and the chain itself and
            // says what failed (UntrustedRoot, RemoteCertificateNameMismatch), where a callback only says "rejected".
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caBundleBase64)));
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }
}
