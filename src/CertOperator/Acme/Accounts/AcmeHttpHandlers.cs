using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
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
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caBundleBase64)));
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(roots, certificate, errors);
        }

        return handler;
    }

    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
