using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// Checks the API server's certificate against the kubeconfig's CA. KubernetesClient's own callback accepts a
/// certificate whose name does not match (tls-server-name or the server's host) whenever the chain needed the
/// custom CA, which is every kubeconfig with certificate-authority; this one rejects every error but an untrusted root.
/// </summary>
internal static class ServerCertificateValidation
{
    public static RemoteCertificateValidationCallback Trusting(X509Certificate2Collection roots) =>
        (_, certificate, _, errors) => Validate(roots, certificate, errors);

    private static bool Validate(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
